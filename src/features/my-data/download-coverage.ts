/**
 * Every table with a column that names a person or an account (or an enrolment, or an address), and
 * where the AVG download (`exportMyData`) holds its rows, or why it does not yet. The schema test
 * (`download-coverage.db.test.ts`) walks the database: a new table with such a column that is not listed
 * here fails it, so "everything held about you" is decided for every table, not forgotten.
 */
export type Coverage = { in: string } | { gap: string };

export const downloadCoverage: Record<string, Coverage> = {
  accounts: { in: 'account' },
  federated_identities: { in: 'gekoppeldeInlogdiensten' },
  memberships: { in: 'rollen' },
  invitations: { in: 'uitnodigingen' },
  persons: { in: 'register.aangeleverdePersoonsgegevens' },
  staff_numbers: { in: 'register.aangeleverdePersoonsgegevens' },
  employments: { in: 'register.dienstverbanden' },
  employment_disputes: { in: 'register.dienstverbanden' },
  person_history: { in: 'register.geschiedenis' },
  enrolments: { in: 'register.inschrijving' },
  enrolment_events: { in: 'register.inschrijving' },
  evidence_files: { in: 'register.diplomasEnCertificaten' },
  registration_applications: { in: 'register.registraties' },
  person_link_codes: { in: 'register.koppelcodes' },
  activities: { in: 'professionalisering' },
  valuation_requests: { in: 'professionalisering' },
  development_consents: { in: 'toestemmingen' },
  postponements: { in: 'uitstel' },
  mail_outbox: { in: 'emails' },
  audit_events: { in: 'logboek' },
  sessions: { in: 'sessies' },
  email_tokens: { in: 'eenmaligeLinks' },
  // known gaps (issue 19, item 8), each a table the download does not hold yet
  api_tokens: { gap: 'machine tokens the person created or revoked for their organisation' },
  person_link_blocks: { gap: 'that register staff unlinked an account from the person (the unlink itself is in the audit log)' },
  duplicate_candidates: { gap: "register staff's tasks that name the person as a possible duplicate" },
  person_invitations: { gap: 'the invitation mails after a delivery, when they went to an address other than the account’s' },
  attendances: { gap: "attendance rows of offering runs (the activity each made is in 'professionalisering')" },
  valuation_assessments: { gap: 'assessments the person made as an assessor (their work on others’ activities)' },
  offerings: { gap: 'offerings assigned to the person as a commission member (their work)' },
  deliveries: { gap: 'deliveries the person submitted as board staff (their work)' },
  delivery_rows: { gap: 'the delivered rows that carry the person’s work address, as checked per delivery' },
};
