import { parseDate } from '../../platform/dates/calendar.ts';
import { message, type Message } from '../../platform/i18n.ts';

/**
 * What a proof of a diploma or certificate may be: a PDF, JPG or PNG, recognised by its first bytes,
 * not by its name (a renamed program stays a program), and at most `evidenceMaxBytes`.
 */
export const evidenceMaxBytes = 10 * 1024 * 1024;
export const evidenceKinds = ['diploma', 'certificaat'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

const signatures: { mediaType: string; extension: string; bytes: number[] }[] = [
  { mediaType: 'application/pdf', extension: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/png', extension: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', extension: 'jpg', bytes: [0xff, 0xd8, 0xff] },
];

/** The media type the content is, or null when it is none of the accepted ones. */
export function detectEvidenceType(head: Uint8Array): { mediaType: string; extension: string } | null {
  const match = signatures.find((s) => s.bytes.every((b, i) => head[i] === b));
  return match ? { mediaType: match.mediaType, extension: match.extension } : null;
}

export type EvidenceForm = { soort: string; titel: string; uitgever: string; datum: string };
export type EvidenceFacts = { kind: EvidenceKind; title: string; issuer: string; issuedOn: string };
export type EvidenceProblem = { field: keyof EvidenceForm | 'bestand'; message: Message };

/** The typed facts of a diploma or certificate; every problem at its field, as a text key. */
export function checkEvidenceFacts(form: EvidenceForm, today: string): { ok: true; facts: EvidenceFacts } | { ok: false; problems: EvidenceProblem[] } {
  const problems: EvidenceProblem[] = [];
  const kind = (evidenceKinds as readonly string[]).includes(form.soort) ? (form.soort as EvidenceKind) : null;
  if (!kind) problems.push({ field: 'soort', message: message('register.error.chooseKind') });
  const title = form.titel.trim();
  if (title.length < 2 || title.length > 200) problems.push({ field: 'titel', message: message('register.error.evidenceTitle') });
  const issuer = form.uitgever.trim();
  if (issuer.length < 2 || issuer.length > 200) problems.push({ field: 'uitgever', message: message('register.error.evidenceIssuer') });
  const issuedOn = parseDate(form.datum.trim());
  if (!issuedOn) problems.push({ field: 'datum', message: message('register.error.evidenceDate') });
  else if (issuedOn > today || issuedOn < '1950-01-01') problems.push({ field: 'datum', message: message('register.error.evidenceDateRange') });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, facts: { kind: kind!, title, issuer, issuedOn: issuedOn! } };
}
