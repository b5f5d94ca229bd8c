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
  employment_disputes: { in: 'register.betwistingen' },
  dispute_proofs: { in: 'register.betwistingen' },
  person_history: { in: 'register.geschiedenis' },
  enrolments: { in: 'register.inschrijving' },
  enrolment_events: { in: 'register.inschrijving' },
  evidence_files: { in: 'register.diplomasEnCertificaten' },
  registration_applications: { in: 'register.registraties' },
  person_link_codes: { in: 'register.koppelcodes' },
  person_notices: { in: 'register.meldingen' },
  activities: { in: 'professionalisering' },
  valuation_requests: { in: 'professionalisering' },
  development_consents: { in: 'toestemmingen' },
  postponements: { in: 'uitstel' },
  mail_outbox: { in: 'emails' },
  audit_events: { in: 'logboek' },
  sessions: { in: 'sessies' },
  email_tokens: { in: 'eenmaligeLinks' },
  person_invitations: { in: 'aanleveringen.uitnodigingen' },
  delivery_rows: { in: 'aanleveringen.aangeleverdeRegels' },
  duplicate_candidates: { in: 'aanleveringen.dubbeleRegistratieControles' },
  attendances: { in: 'aanwezigheid' },
  // event_group_members (a registration's group) has no column the test recognises as a person's: it is in `bijeenkomstgroepen`
  event_registrations: { in: 'bijeenkomsten' },
  feedback_invitations: { in: 'feedback.uitnodigingen' },
  // an anonymous answer has no registration (decision 030): only the answers with one are the person's
  feedback_answers: { in: 'feedback.antwoorden' },
  // the person's work for an organisation, which names them
  api_tokens: { in: 'werkzaamheden.apiSleutels' },
  deliveries: { in: 'werkzaamheden.aanleveringen' },
  valuation_assessments: { in: 'werkzaamheden.beoordelingen' },
  offerings: { in: 'werkzaamheden.toegewezenAanbod' },
  administration_offices: { in: 'werkzaamheden.administratiekantoren' },
  office_mandates: { in: 'werkzaamheden.machtigingen' },
  person_link_blocks: { in: 'register.ontkoppelingen' },
  // the koploper programme (decision 026): the school's contact person by the address they typed (no account needed), the
  // register-staff member who owns a koploper, and who moved or changed one (the timeline names them)
  koplopers: { in: 'koplopers' },
  koploper_events: { in: 'werkzaamheden.koploperHandelingen' },
};
