import { message, type Message } from '../../platform/i18n.ts';
import { checkComment, transition, type ApprovalEvent, type ApprovalStatus, type ApprovalTransition } from './approval.rules.ts';

/**
 * "Klopt niet" per block (issue 19, decision 021): the professional disputes one employment, or their
 * person data, and names the fields that are wrong. The codes are the file format's column names where
 * there is one (`school` stands for instellingscode and vestigingscode together); their labels are in
 * the one label table (employment-labels.ts).
 */
export const disputeKinds = ['dienstverband', 'persoonsgegevens'] as const;
export type DisputeKind = (typeof disputeKinds)[number];

export const employmentDisputeFields = ['functie', 'benoemingsgrondslag', 'school', 'begindatum', 'einddatum', 'werktijdfactor'] as const;
export const personDisputeFields = ['voorletters', 'voornamen', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'personeelsnummer'] as const;
export type DisputeField = (typeof employmentDisputeFields)[number] | (typeof personDisputeFields)[number];

/** The fields a dispute of this kind may name, in the order the form shows them. */
export const disputeFieldsOf = (kind: DisputeKind): readonly DisputeField[] => (kind === 'dienstverband' ? employmentDisputeFields : personDisputeFields);

export type DisputeForm = { velden: readonly string[]; toelichting: unknown };
export type CheckedDispute = { fields: DisputeField[]; comment: string };
export type DisputeProblem = { field: 'velden' | 'toelichting'; message: Message };

/**
 * What the professional sent: at least one of the block's fields (each once, in the form's order;
 * anything else is ignored), and the comment for the board (checkComment). Every problem at its field.
 */
export function checkDispute(kind: DisputeKind, form: DisputeForm): { ok: true; dispute: CheckedDispute } | { ok: false; problems: DisputeProblem[] } {
  const problems: DisputeProblem[] = [];
  const fields = disputeFieldsOf(kind).filter((f) => form.velden.includes(f));
  if (fields.length === 0) {
    problems.push({
      field: 'velden',
      message: message(kind === 'dienstverband' ? 'register.error.chooseEmploymentFields' : 'register.error.choosePersonFields'),
    });
  }
  const comment = checkComment(form.toelichting, 'toelichting');
  if (!comment.ok) problems.push({ field: 'toelichting', message: comment.message });
  if (problems.length > 0 || !comment.ok) return { ok: false, problems };
  return { ok: true, dispute: { fields, comment: comment.text } };
}

/**
 * The check of the person data, as the professional sees it: `betwist` while a dispute of it is open at
 * any board, `geaccordeerd` once approved (until a delivery changes it), else `te-controleren`.
 */
export function personDataStatus(facts: { approvedAt: Date | null; openDisputes: number }): ApprovalStatus {
  if (facts.openDisputes > 0) return 'betwist';
  return facts.approvedAt ? 'geaccordeerd' : 'te-controleren';
}

const personRefusals: Partial<Record<ApprovalEvent, Message>> = {
  accorderen: message('register.error.personAlreadyApproved'),
  betwisten: message('register.error.personAlreadyDisputed'),
};

/** The same steps as an employment's check (approval.rules.ts), refused in words about the person data. */
export function personDataTransition(from: ApprovalStatus, event: ApprovalEvent): ApprovalTransition {
  const next = transition(from, event);
  return next.allowed ? next : { allowed: false, reason: personRefusals[event] ?? next.reason };
}
