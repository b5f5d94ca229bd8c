import type { RegisterLevel } from '../../db/schema/registers.ts';
import { message, type Message } from '../../platform/i18n.ts';
import { checkRuleForm, unitAndMinimumOf, type RuleForm } from '../register/index.ts';
import type { ReregistrationRule } from '../register/index.ts';

/** The form register staff fill in for a new version of a register's rules, as typed; the re-registration rule's fields as well. */
export type RegisterVersionForm = RuleForm & { niveaus: string; tarief: string; toelichting: string };

export type RegisterVersionInput = {
  levels: RegisterLevel[];
  cycleYears: number;
  /** the rule's kind and its norm, hours or themes per cycle, as the columns before rules were data */
  renewalUnit: ReregistrationRule['kind'];
  renewalMinimum: number;
  /** the whole re-registration rule, as data */
  renewalRule: ReregistrationRule;
  feeCents: number;
  note: string;
};

/** A problem at its field: a text key; the re-registration rule's problems come from the register feature as they are. */
export type FieldProblem = { field: keyof RegisterVersionForm; message: Message };

/** Levels as people write them: one per line, "titel; niveau; toelatingseis". */
export function levelsToText(levels: RegisterLevel[]): string {
  return levels.map((l) => `${l.title}; ${l.level}; ${l.criteria}`).join('\n');
}

function parseLevels(text: string): RegisterLevel[] | Message {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return message('registers.error.levelsNone');
  if (lines.length > 20) return message('registers.error.levelsTooMany', { max: 20 });
  const levels: RegisterLevel[] = [];
  for (const [i, line] of lines.entries()) {
    // the criteria are the rest of the line: they may hold a ; themselves
    const [title = '', level = '', ...rest] = line.split(';');
    const criteria = rest.join(';').trim();
    if (!title.trim() || !level.trim() || !criteria) return message('registers.error.levelLine', { line: String(i + 1) });
    levels.push({ title: title.trim().slice(0, 100), level: level.trim().slice(0, 100), criteria: criteria.slice(0, 500) });
  }
  const keys = levels.map((l) => `${l.title.toLowerCase()}|${l.level.toLowerCase()}`);
  if (new Set(keys).size !== keys.length) return message('registers.error.levelsTwice');
  return levels;
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

/** Checks a new version; every problem is reported at its field, as a text key. */
export function checkRegisterVersion(form: RegisterVersionForm): { ok: true; input: RegisterVersionInput } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const levels = parseLevels(form.niveaus);
  if (!Array.isArray(levels)) problems.push({ field: 'niveaus', message: levels });
  const cycleYears = wholeNumber(form.cyclus, 1, 10);
  if (cycleYears === null) problems.push({ field: 'cyclus', message: message('registers.error.cycle') });
  const rule = checkRuleForm(form, cycleYears);
  if (!rule.ok) problems.push(...rule.problems);
  const fee = form.tarief.trim().replace(',', '.');
  const feeCents = /^\d{1,5}(\.\d{1,2})?$/.test(fee) ? Math.round(Number(fee) * 100) : null;
  if (feeCents === null) problems.push({ field: 'tarief', message: message('registers.error.fee') });
  const note = form.toelichting.trim();
  if (note.length < 5) problems.push({ field: 'toelichting', message: message('registers.error.noteShort') });
  if (note.length > 1000) problems.push({ field: 'toelichting', message: message('registers.error.noteLong', { max: '1000' }) });
  if (problems.length > 0) return { ok: false, problems };
  const renewalRule = (rule as { rule: ReregistrationRule }).rule;
  return {
    ok: true,
    input: { levels: levels as RegisterLevel[], cycleYears: cycleYears!, ...unitAndMinimumOf(renewalRule), renewalRule, feeCents: feeCents!, note },
  };
}
