import type { QualityGuarantee } from '../../db/schema/quality-framework.ts';
import { message, type Message } from '../../platform/i18n.ts';

export type { QualityCharacteristic, QualityGuarantee } from '../../db/schema/quality-framework.ts';

/** The form register staff fill in for a new version, as typed. */
export type QualityFrameworkForm = { titel: string; waarborgen: string; toelichting: string };

export type QualityFrameworkInput = { title: string; guarantees: QualityGuarantee[]; note: string };

export type QualityFrameworkProblem = { field: keyof QualityFrameworkForm; message: Message };

export const qualityFrameworkLimits = { title: 200, guarantees: 30, characteristics: 20, name: 300, text: 1000, note: 1000 };

/**
 * Waarborgen as people write them: one block per waarborg, separated by an empty line; the block's first line is
 * the waarborg, each next line a kenmerk. Codes follow from the order (W1, W1.1), so they are not typed.
 */
export function guaranteesToText(guarantees: QualityGuarantee[]): string {
  return guarantees.map((g) => [g.name, ...g.characteristics.map((c) => c.text)].join('\n')).join('\n\n');
}

const clean = (line: string) => line.trim().replace(/\s+/g, ' ');

/** The waarborgen of the text, or a message about the first problem. */
export function parseGuarantees(text: string): QualityGuarantee[] | Message {
  const blocks = text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.split('\n').map(clean).filter(Boolean))
    .filter((b) => b.length > 0);
  if (blocks.length === 0) return message('qualityFramework.error.none');
  const { guarantees: maxGuarantees, characteristics: maxCharacteristics, name: maxName, text: maxText } = qualityFrameworkLimits;
  if (blocks.length > maxGuarantees) return message('qualityFramework.error.tooMany', { max: String(maxGuarantees) });
  const seen = new Map<string, number>();
  const guarantees: QualityGuarantee[] = [];
  for (const [i, [name, ...lines]] of blocks.entries()) {
    const code = `W${i + 1}`;
    if (name.length > maxName) return message('qualityFramework.error.nameLong', { code, max: String(maxName) });
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined) return message('qualityFramework.error.duplicate', { code, name, earlier: `W${earlier + 1}` });
    seen.set(name.toLowerCase(), i);
    if (lines.length === 0) return message('qualityFramework.error.noCharacteristics', { code, name });
    if (lines.length > maxCharacteristics) return message('qualityFramework.error.tooManyCharacteristics', { code, max: String(maxCharacteristics) });
    const texts = new Map<string, number>();
    const characteristics = [];
    for (const [j, line] of lines.entries()) {
      const sub = `${code}.${j + 1}`;
      if (line.length > maxText) return message('qualityFramework.error.characteristicLong', { code: sub, max: String(maxText) });
      const same = texts.get(line.toLowerCase());
      if (same !== undefined) return message('qualityFramework.error.characteristicDuplicate', { code: sub, earlier: `${code}.${same + 1}` });
      texts.set(line.toLowerCase(), j);
      characteristics.push({ code: sub, text: line });
    }
    guarantees.push({ code, name, characteristics });
  }
  return guarantees;
}

/**
 * Checks a new version of the Kwaliteitskader; every problem at its field, as a text key. With `current`, a version
 * that changes nothing is refused.
 */
export function checkQualityFramework(
  form: QualityFrameworkForm,
  current?: Omit<QualityFrameworkInput, 'note'>,
): { ok: true; input: QualityFrameworkInput } | { ok: false; problems: QualityFrameworkProblem[] } {
  const problems: QualityFrameworkProblem[] = [];
  const title = clean(form.titel);
  if (title.length < 5) problems.push({ field: 'titel', message: message('qualityFramework.error.titleShort') });
  if (title.length > qualityFrameworkLimits.title)
    problems.push({ field: 'titel', message: message('qualityFramework.error.titleLong', { max: String(qualityFrameworkLimits.title) }) });
  const guarantees = parseGuarantees(form.waarborgen);
  if (!Array.isArray(guarantees)) problems.push({ field: 'waarborgen', message: guarantees });
  const note = form.toelichting.trim();
  if (note.length < 5) problems.push({ field: 'toelichting', message: message('qualityFramework.error.noteShort') });
  if (note.length > qualityFrameworkLimits.note)
    problems.push({ field: 'toelichting', message: message('qualityFramework.error.noteLong', { max: String(qualityFrameworkLimits.note) }) });
  if (!Array.isArray(guarantees) || problems.length > 0) return { ok: false, problems };
  const input = { title, guarantees, note };
  if (current && current.title === title && JSON.stringify(current.guarantees) === JSON.stringify(guarantees)) {
    return { ok: false, problems: [{ field: 'waarborgen', message: message('qualityFramework.error.sameAsCurrent') }] };
  }
  return { ok: true, input };
}
