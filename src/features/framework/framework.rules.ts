import type { FrameworkItem } from '../../db/schema/framework.ts';
import { message, type Message } from '../../platform/i18n.ts';
import { codeOf } from '../../lib/code-of.ts';

export type { FrameworkItem };

/** The form register staff fill in for a new version of the reference framework, as typed. */
export type FrameworkVersionForm = { beroepsstandaard: string; competenties: string; themas: string; toelichting: string };

export type FrameworkVersionInput = { professionalStandard: string; competencies: FrameworkItem[]; themes: FrameworkItem[]; note: string };

export type FrameworkProblem = { field: keyof FrameworkVersionForm; message: Message };

export const frameworkLimits = { standard: 5000, items: 30, name: 100, description: 500, note: 1000 };

export { codeOf };

/** Items as people write them: one per line, "naam" or "naam: beschrijving". */
export function itemsToText(items: FrameworkItem[]): string {
  return items.map((i) => (i.description ? `${i.name}: ${i.description}` : i.name)).join('\n');
}

/** The items of one list (competencies or themes), or a message about the first problem. */
export function parseItems(text: string, list: 'competencies' | 'themes'): FrameworkItem[] | Message {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return message(list === 'competencies' ? 'framework.error.competenciesNone' : 'framework.error.themesNone');
  if (lines.length > frameworkLimits.items) {
    return message(list === 'competencies' ? 'framework.error.competenciesTooMany' : 'framework.error.themesTooMany', { max: String(frameworkLimits.items) });
  }
  const items: FrameworkItem[] = [];
  const seen = new Map<string, number>();
  for (const [i, line] of lines.entries()) {
    // the description is what follows the first ": ", so a name may hold a colon without a space
    const at = line.indexOf(': ');
    const name = (at === -1 ? line : line.slice(0, at)).trim().replace(/\s+/g, ' ');
    const description = at === -1 ? '' : line.slice(at + 2).trim();
    const code = codeOf(name);
    const number = String(i + 1);
    if (name.length < 2 || !code) return message('framework.error.lineNameShort', { line: number });
    if (name.length > frameworkLimits.name) return message('framework.error.lineNameLong', { line: number, max: String(frameworkLimits.name) });
    if (description.length > frameworkLimits.description)
      return message('framework.error.lineDescriptionLong', { line: number, max: String(frameworkLimits.description) });
    const earlier = seen.get(code);
    if (earlier !== undefined) return message('framework.error.lineDuplicate', { line: number, name, earlier: String(earlier + 1) });
    seen.set(code, i);
    items.push(description ? { code, name, description } : { code, name });
  }
  return items;
}

const isMessage = (value: FrameworkItem[] | Message): value is Message => !Array.isArray(value);

const same = (a: FrameworkVersionInput, b: Omit<FrameworkVersionInput, 'note'>) =>
  a.professionalStandard === b.professionalStandard &&
  JSON.stringify(a.competencies) === JSON.stringify(b.competencies) &&
  JSON.stringify(a.themes) === JSON.stringify(b.themes);

/**
 * Checks a new version of the reference framework; every problem at its field, as a text key. With
 * `current`, a version that changes nothing is refused: a new version must say something new.
 */
export function checkFrameworkVersion(
  form: FrameworkVersionForm,
  current?: Omit<FrameworkVersionInput, 'note'>,
): { ok: true; input: FrameworkVersionInput } | { ok: false; problems: FrameworkProblem[] } {
  const problems: FrameworkProblem[] = [];
  const professionalStandard = form.beroepsstandaard.trim().replace(/\r\n/g, '\n');
  if (professionalStandard.length < 20) problems.push({ field: 'beroepsstandaard', message: message('framework.error.standardShort') });
  if (professionalStandard.length > frameworkLimits.standard) {
    problems.push({
      field: 'beroepsstandaard',
      message: message('framework.error.standardLong', { max: String(frameworkLimits.standard), length: String(professionalStandard.length) }),
    });
  }
  const competencies = parseItems(form.competenties, 'competencies');
  if (isMessage(competencies)) problems.push({ field: 'competenties', message: competencies });
  const themes = parseItems(form.themas, 'themes');
  if (isMessage(themes)) problems.push({ field: 'themas', message: themes });
  const note = form.toelichting.trim();
  if (note.length < 5) problems.push({ field: 'toelichting', message: message('framework.error.noteShort') });
  if (note.length > frameworkLimits.note)
    problems.push({ field: 'toelichting', message: message('framework.error.noteLong', { max: String(frameworkLimits.note) }) });
  if (isMessage(competencies) || isMessage(themes) || problems.length > 0) return { ok: false, problems };
  const input = { professionalStandard, competencies, themes, note };
  if (current && same(input, current)) return { ok: false, problems: [{ field: 'beroepsstandaard', message: message('framework.error.sameAsCurrent') }] };
  return { ok: true, input };
}

/** The names an activity may carry: those of the current version, and those it already has (kept after a new version). */
export function allowedNames(current: FrameworkItem[], kept: readonly string[] = []): string[] {
  return [...new Set([...current.map((i) => i.name), ...kept])];
}
