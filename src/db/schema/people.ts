import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, apiTokens } from './identity.ts';
import { administrationOffices } from './offices.ts';
import { boards } from './organisations.ts';

/**
 * A teacher or school leader as the register knows them: one row per human, whichever boards employ
 * them. The BSN is kept sealed (AES-256-GCM) with a keyed hash for matching, never in plain text.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey(),
    bsnSealed: text('bsn_sealed'),
    bsnHash: text('bsn_hash'),
    initials: text('initials').notNull(),
    firstNames: text('first_names'),
    prefix: text('prefix'),
    surname: text('surname').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    /** the work address a board delivered, for the invitation to check the data */
    email: text('email'),
    /** an address the professional gives themselves: mail about their registration goes here first */
    personalEmail: text('personal_email'),
    /** the professional's own account, once they took up the invitation */
    accountId: uuid('account_id').references(() => accounts.id),
    /** register staff found this to be the same human as another person: everything moved there */
    mergedInto: uuid('merged_into'),
    /** the delivery that brought this person into the register: the first line of their history */
    firstDeliveryId: uuid('first_delivery_id'),
    /**
     * When the professional approved their person data ("Mijn gegevens kloppen"); null until then, and
     * again after a delivery that changes any of it or a dispute of it
     */
    dataApprovedAt: timestamp('data_approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_bsn_hash').on(t.bsnHash).where(sql`bsn_hash IS NOT NULL`),
    uniqueIndex('persons_account_id').on(t.accountId).where(sql`account_id IS NOT NULL`),
    // possible duplicates are found by birth date and surname. On both, not on the birth date alone: an
    // apply in parts (decision 017) looks up a few thousand persons at a time, and by birth date alone
    // each part read a few dozen people per person, 80 ms a part at 200,000 persons instead of 12
    index('persons_birth_date_surname').on(t.birthDate, sql`lower(${t.surname})`),
    // a professional's overview of who read their data also finds the records merged into theirs
    index('persons_merged_into').on(t.mergedInto).where(sql`merged_into IS NOT NULL`),
  ],
);

/** A board's own key for a person (personeelsnummer): the second way a delivered row finds its person. */
export const staffNumbers = pgTable(
  'staff_numbers',
  {
    // no foreign keys: see employments
    boardId: uuid('board_id').notNull(),
    staffNumber: text('staff_number').notNull(),
    personId: uuid('person_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.staffNumber] }), index('staff_numbers_person_id').on(t.personId)],
);

/**
 * One appointment of a person at a school of a board, in one function: what a delivered row describes.
 * `employmentKey` (personeelsnummer|BRIN|vestigingscode|functie) is how a later delivery finds it again.
 */
export const employments = pgTable(
  'employments',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').notNull(),
    // no foreign keys (decision 007): the person comes from the same apply, and a delivery checks every
    // school and location against the delivering board's own (stricter than a key); persons and the
    // directory are never deleted (triggers refuse it), and a key check per row was most of the cost
    // of a national delivery
    boardId: uuid('board_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    locationId: uuid('location_id'),
    staffNumber: text('staff_number').notNull(),
    employmentKey: text('employment_key').notNull(),
    function: text('function').notNull(),
    appointmentBasis: text('appointment_basis'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    fte: numeric('fte', { precision: 6, scale: 4 }),
    /** te-controleren until the professional approves (geaccordeerd) or disputes (betwist) it */
    approvalStatus: text('approval_status').notNull().default('te-controleren'),
    /** the delivery that added it (the first line of its history) and the last one that changed it */
    firstDeliveryId: uuid('first_delivery_id'),
    lastDeliveryId: uuid('last_delivery_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('employments_board_key').on(t.boardId, t.employmentKey),
    index('employments_person_id').on(t.personId),
    // no index on (board, approval status): the overview counts all boards in one pass, a board's own
    // employments are found by employments_board_key, and each index costs every row of a delivery
  ],
);

/** What changed in a person's record, when and through which delivery: the per-person history. */
export const personHistory = pgTable(
  'person_history',
  {
    id: uuid('id').primaryKey(),
    // no foreign keys on this append-only log: persons and employments are never deleted (a merge
    // leaves a tombstone), and a key check per line was most of the cost of a large delivery
    personId: uuid('person_id').notNull(),
    employmentId: uuid('employment_id'),
    deliveryId: uuid('delivery_id'),
    /** persoon-gewijzigd, dienstverband-gewijzigd, dienstverband-beeindigd, samengevoegd (a new record's start is on the record itself) */
    kind: text('kind').notNull(),
    /** field → [before, after]; never a BSN */
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>(),
    /** who made the change when it was not a delivery: the professional, or a board's staff member replying */
    byLabel: text('by_label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('person_history_person').on(t.personId, t.createdAt), index('person_history_delivery').on(t.deliveryId)],
);

/**
 * A support task for register staff: a delivered person who may be someone the register already knows
 * (same surname and birth date, different BSN or none). Never merged without a person deciding.
 */
export const duplicateCandidates = pgTable(
  'duplicate_candidates',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => persons.id),
    deliveryId: uuid('delivery_id'),
    reason: text('reason').notNull(),
    /** open, zelfde-persoon (merged), verschillend */
    status: text('status').notNull().default('open'),
    resolvedBy: uuid('resolved_by').references(() => accounts.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('duplicate_candidates_pair').on(t.personId, t.candidateId), index('duplicate_candidates_status').on(t.status)],
);

/**
 * A professional's "this is not right" about what a board delivered: one employment (`dienstverband`),
 * or their person data (`persoonsgegevens`, one dispute for each board that delivers it, decision 021).
 * It names the fields that are wrong and says why; the board's staff answer it, or correct it by a
 * delivery (which closes it).
 */
export const employmentDisputes = pgTable(
  'employment_disputes',
  {
    id: uuid('id').primaryKey(),
    /** dienstverband or persoonsgegevens */
    kind: text('kind').notNull().default('dienstverband'),
    /** the disputed employment; null for person data */
    employmentId: uuid('employment_id').references(() => employments.id),
    personId: uuid('person_id').notNull(),
    boardId: uuid('board_id').notNull(),
    /** the fields the professional says are wrong (codes of dispute.rules.ts: begindatum, achternaam, ...) */
    fields: text('fields').array().notNull().default(sql`'{}'::text[]`),
    comment: text('comment').notNull(),
    /** a file the professional added as proof; the disputes of person data to several boards share one */
    proofId: uuid('proof_id').references(() => disputeProofs.id),
    /** open; beantwoord (the board replied); opgelost (a delivery changed the employment); ingetrokken (the professional approved after all) */
    status: text('status').notNull().default('open'),
    reply: text('reply'),
    repliedByLabel: text('replied_by_label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /**
     * When the board's staff were told of it: at once on a board that asked for that, else by the day's
     * overview (the digest job takes the disputes where this is still null)
     */
    boardNotifiedAt: timestamp('board_notified_at', { withTimezone: true }),
  },
  (t) => [
    index('employment_disputes_board').on(t.boardId, t.status, t.createdAt),
    index('employment_disputes_employment').on(t.employmentId),
    index('employment_disputes_person').on(t.personId),
    index('employment_disputes_to_notify').on(t.boardId).where(sql`board_notified_at IS NULL`),
    check('employment_disputes_kind', sql`(kind = 'dienstverband' AND employment_id IS NOT NULL) OR (kind = 'persoonsgegevens' AND employment_id IS NULL)`),
  ],
);

/**
 * The proof a professional adds to a dispute (PDF, JPG or PNG), sealed on disk at
 * DATA_DIR/dispute-proofs/<id>.sealed: evidence for the board's staff the dispute went to, kept apart
 * from the diplomas and certificates of a registration.
 */
export const disputeProofs = pgTable('dispute_proofs', {
  id: uuid('id').primaryKey(),
  personId: uuid('person_id')
    .notNull()
    .references(() => persons.id),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  byteSize: integer('byte_size').notNull(),
  sha256: text('sha256').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A board's own settings for the record loop: how its staff hear of disputes (`dagelijks`: one overview
 * a day; `direct`: a mail for each), and when its staff last sent the reminder to check by hand.
 * No row: the defaults.
 */
export const boardSettings = pgTable('board_settings', {
  boardId: uuid('board_id')
    .primaryKey()
    .references(() => boards.id),
  /** dagelijks or direct */
  disputeMail: text('dispute_mail').notNull().default('dagelijks'),
  disputeMailChangedByLabel: text('dispute_mail_changed_by_label'),
  disputeMailChangedAt: timestamp('dispute_mail_changed_at', { withTimezone: true }),
  /** the last reminder the board's staff sent by hand (at most one a day) */
  reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
  reminderSentByLabel: text('reminder_sent_by_label'),
});

/**
 * Every mail to a professional about the check of their delivered record, one row per employment it
 * was about: a reminder (the first and second after a delivery, each once; or one the board sent by
 * hand), the board's answer to a dispute, and a delivery that corrected a disputed employment. The
 * professional finds them in their AVG download; the reminders' once-only rule reads them.
 */
export const personNotices = pgTable(
  'person_notices',
  {
    id: uuid('id').primaryKey(),
    // no foreign keys, like person_invitations: an append-only log, written set-based by the jobs and the apply
    personId: uuid('person_id').notNull(),
    /** herinnering-1, herinnering-2, herinnering-bestuur, antwoord, correctie */
    kind: text('kind').notNull(),
    /** the employment it was about; null for the person data (an answer to, or a correction of, a dispute of them) */
    employmentId: uuid('employment_id'),
    /** the delivery whose data was to be checked (a reminder) or that corrected it (correctie) */
    deliveryId: uuid('delivery_id'),
    /** the board that sent a reminder by hand, answered a dispute or corrected it */
    boardId: uuid('board_id'),
    disputeId: uuid('dispute_id'),
    /** the mail in the outbox; null until it is written (a correction waits for the job after the apply) */
    mailId: uuid('mail_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the first and second reminder, and a correction, once per employment and delivery
    uniqueIndex('person_notices_once').on(t.employmentId, t.deliveryId, t.kind).where(sql`kind IN ('herinnering-1', 'herinnering-2', 'correctie')`),
    index('person_notices_person').on(t.personId, t.createdAt),
    index('person_notices_unsent').on(t.deliveryId).where(sql`mail_id IS NULL`),
  ],
);

/** Where register numbers come from: seven digits, before the two check digits (own-record/register-number.rules.ts). */
export const registerNumberSequence = pgSequence('register_number_seq', { startWith: 1000000, minValue: 1000000, maxValue: 9999999 });

/**
 * Inschrijving: a professional with an account, in the register under a register number from that
 * moment on, with or without a delivered employment. Registration (a commission's decision) builds on it.
 */
export const enrolments = pgTable('enrolments', {
  id: uuid('id').primaryKey(),
  personId: uuid('person_id')
    .notNull()
    .unique()
    .references(() => persons.id),
  /**
   * The account linked to the person (persons.account_id), kept beside it: it follows every link and
   * unlink (decision 021). Null while register staff have unlinked the person and no account has it yet.
   */
  accountId: uuid('account_id')
    .unique()
    .references(() => accounts.id),
  registerNumber: text('register_number').notNull().unique(),
  /** ingeschreven, aangevraagd, geregistreerd or doorgehaald; the public register derives onder voorwaarden and herregistratie verlopen */
  status: text('status').notNull().default('ingeschreven'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every change of an enrolment's status, with who and why: an application, a decision, a doorhaling and its reversal. */
export const enrolmentEvents = pgTable(
  'enrolment_events',
  {
    id: uuid('id').primaryKey(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    byLabel: text('by_label').notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enrolment_events_enrolment').on(t.enrolmentId, t.createdAt)],
);

/**
 * A diploma or certificate a professional adds as evidence: the facts they typed and the proof (PDF,
 * JPG or PNG) sealed on disk at DATA_DIR/evidence/<id>.sealed, served only to them and to those
 * deciding on their registration.
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** diploma or certificaat */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_files_person').on(t.personId, t.createdAt)],
);

/** The mail asking a professional to check what their board delivered; sent by a job after applying. */
export const personInvitations = pgTable(
  'person_invitations',
  {
    id: uuid('id').primaryKey(),
    // no foreign key, like person_history: an append-only log of mails to send
    personId: uuid('person_id').notNull(),
    deliveryId: uuid('delivery_id').notNull(),
    email: text('email').notNull(),
    mailId: uuid('mail_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // one invitation per person per delivery, also when an apply in parts meets a person in two parts; the
  // invitations job reads a delivery's in this order, each batch from where the last ended
  (t) => [uniqueIndex('person_invitations_delivery_person').on(t.deliveryId, t.personId)],
);

/**
 * A one-time code that links an account to a person (decision 021): the link in the invitation mail
 * (`uitnodiging`, sent to the delivered address) or the activation code a board prints for someone
 * delivered without one (`activatiecode`). Only its hash is kept; it expires, and is used once.
 */
export const personLinkCodes = pgTable(
  'person_link_codes',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** uitnodiging or activatiecode */
    kind: text('kind').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** who issued it: the board's staff member for an activation code, null for the invitation job */
    issuedBy: uuid('issued_by').references(() => accounts.id),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedBy: uuid('used_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('person_link_codes_hash').on(t.codeHash), index('person_link_codes_person').on(t.personId, t.createdAt)],
);

/**
 * Register staff unlinked this account from this person (decision 021): no automatic way links the two
 * again (the confirmed address, a BSN, a code); only register staff can, which removes the line.
 */
export const personLinkBlocks = pgTable(
  'person_link_blocks',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.accountId] }), index('person_link_blocks_account').on(t.accountId)],
);

/** One file or API body from one board: received, validated, then applied, rejected or cancelled. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    /** volledig or mutaties */
    mode: text('mode').notNull(),
    /** in-behandeling, gecontroleerd, verwerkt, afgewezen, geannuleerd */
    status: text('status').notNull(),
    /** controleren or verwerken while in-behandeling */
    phase: text('phase'),
    progress: integer('progress').notNull().default(0),
    fileName: text('file_name'),
    format: text('format').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    rowCount: integer('row_count').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    warningRows: integer('warning_rows').notNull().default(0),
    /** a full delivery that would end more than 20% of the board's active employments */
    needsConfirmation: boolean('needs_confirmation').notNull().default(false),
    /** what applying did or, before that, would do: counts by kind */
    summary: jsonb('summary').$type<Record<string, number>>(),
    rejection: text('rejection'),
    /** remarks about the file as a whole (unknown columns), in Dutch */
    notices: jsonb('notices').$type<string[]>(),
    applyWhenValid: boolean('apply_when_valid').notNull().default(false),
    channel: text('channel').notNull(),
    submittedByAccount: uuid('submitted_by_account').references(() => accounts.id),
    submittedByToken: uuid('submitted_by_token').references(() => apiTokens.id),
    submittedByLabel: text('submitted_by_label').notNull(),
    /** the administratiekantoor that delivered it for the board (decision 022); null when the board did itself */
    submittedByOffice: uuid('submitted_by_office').references(() => administrationOffices.id),
    appliedByLabel: text('applied_by_label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** the process doing the delivery's work now (check, apply, invitations), while its lease runs */
    leaseOwner: text('lease_owner'),
    /** renewed by the owner's heartbeat; past it, the work is abandoned and another process takes it over */
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    /**
     * An apply in committed parts (on the embedded database, decision 017): the last staged row number
     * applied so far, and what the parts did together. Null until the first part is committed; from then
     * on the delivery can no longer be cancelled, only applied to the end.
     */
    appliedThroughRow: integer('applied_through_row'),
    applyTotals: jsonb('apply_totals').$type<Record<string, number>>(),
  },
  (t) => [
    index('deliveries_board').on(t.boardId, t.createdAt),
    index('deliveries_office').on(t.submittedByOffice, t.createdAt).where(sql`${t.submittedByOffice} IS NOT NULL`),
    index('deliveries_lease_expires').on(t.leaseExpiresAt).where(sql`${t.leaseExpiresAt} IS NOT NULL`),
  ],
);

/**
 * Every row of a delivery as checked: its outcome and messages (the terugmelding) and the cleaned
 * values that applying reads. The staging table of the apply.
 */
export const deliveryRows = pgTable(
  'delivery_rows',
  {
    // staged rows are written before anything else can refer to them and go with their delivery's
    // removal in the service; a key check per staged row would cost as much as the check itself
    deliveryId: uuid('delivery_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    /** geaccepteerd, waarschuwing, fout */
    outcome: text('outcome').notNull(),
    messages: jsonb('messages').$type<{ kolom: string | null; melding: string; soort: 'fout' | 'waarschuwing' }[]>(),
    staffNumber: text('staff_number'),
    bsnSealed: text('bsn_sealed'),
    bsnHash: text('bsn_hash'),
    initials: text('initials'),
    firstNames: text('first_names'),
    prefix: text('prefix'),
    surname: text('surname'),
    birthDate: date('birth_date', { mode: 'string' }),
    email: text('email'),
    schoolId: uuid('school_id'),
    locationId: uuid('location_id'),
    employmentKey: text('employment_key'),
    function: text('function'),
    appointmentBasis: text('appointment_basis'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    fte: numeric('fte', { precision: 6, scale: 4 }),
    mutation: text('mutation'),
  },
  // by employment key: a full delivery applied in parts ends the employments it does not name a few
  // thousand at a time, each looked up here (decision 017)
  (t) => [primaryKey({ columns: [t.deliveryId, t.rowNumber] }), index('delivery_rows_employment_key').on(t.deliveryId, t.employmentKey)],
);
