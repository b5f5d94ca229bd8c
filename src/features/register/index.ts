import type { Feature } from '../feature.ts';
import { registerTexts } from './register.texts.ts';
import { reregistrationJob } from './reregistration.jobs.ts';
import { checkRemindersJob, disputeDigestJob } from './record-notices.jobs.ts';

/**
 * The register core: the professional's record, enrolment, register numbers, registration and its
 * evidence, the public search, and the re-registration engine with its nightly run. No pages: the
 * portals show it.
 */
export const feature: Feature = {
  name: 'register',
  texts: [registerTexts],
  background: ({ database, mailer, config, report }) => {
    const deps = { db: database.db, mailer, baseUrl: config.baseUrl };
    return { jobs: [reregistrationJob(deps, report), disputeDigestJob(deps, report), checkRemindersJob(deps, report)] };
  },
};

export { checkComment } from './approval.rules.ts';
export { appointmentBasisLabel, disputeFieldLabel, disputeFieldsLabel, enrolmentStatusLabel, functionLabel } from './employment-labels.ts';
export { disputeFieldsOf, employmentDisputeFields, personDisputeFields } from './dispute.rules.ts';
export type { DisputeField, DisputeForm, DisputeKind } from './dispute.rules.ts';
export type { StaffEnrolment } from './enrolments.repo.ts';
export {
  checkLink,
  checkUnlink,
  findEnrolmentsForStaff,
  getEnrolmentForStaff,
  linkEnrolment,
  reinstateEnrolment,
  strikeOffEnrolment,
  unlinkEnrolment,
} from './enrolments.service.ts';
export type { LinkChange } from './enrolments.service.ts';
export type { Evidence } from './evidence.repo.ts';
export { checkEvidenceFacts, evidenceMaxBytes } from './evidence.rules.ts';
export { sizeLimitText } from './proof-files.ts';
export type { EvidenceForm } from './evidence.rules.ts';
export { addEvidence, listOwnEvidence, openEvidenceForDecision, openOwnEvidence } from './evidence.service.ts';
export type { EvidenceDeps } from './evidence.service.ts';
export type { DeliveredPerson, Enrolment, EnrolmentEventLine, OwnEmployment } from './own-record.repo.ts';
export type { BoardDispute, PersonDataDispute } from './disputes.repo.ts';
export {
  getDeliveredPerson,
  auditSubjectOf,
  checkOwnEnrolment,
  enrol,
  enrolWithoutDelivery,
  exportOwnRecord,
  getOwnEnrolmentState,
  getOwnEnrolment,
  getOwnRecord,
  getPersonalEmail,
  isLinkedToPerson,
  setPersonalEmail,
} from './own-record.service.ts';
export type { OwnEnrolmentState, OwnRecordDeps } from './own-record.service.ts';
export {
  answerDispute,
  approveEmployment,
  approvePersonData,
  disputeEmployment,
  disputePersonData,
  getBoardDispute,
  getPersonDataCheck,
  listBoardDisputes,
  listPersonDataBoards,
  mayOpenDisputeProofs,
  openDisputeProof,
} from './record-check.service.ts';
export type { DisputeDeps, PersonDataCheckView, ProofDeps, UploadedProof } from './record-check.service.ts';
export {
  bindVouchedBsn,
  describeLinkCode,
  issueActivationCode,
  issueInvitationCodes,
  linkedPersonOf,
  redeemLinkCode,
  staffPersonForActivation,
} from './person-link.service.ts';
export type { LinkCodeView, VouchedBsn, VouchedBsnOutcome } from './person-link.service.ts';
export type { OwnPersonFacts, OwnPersonForm } from './own-person.rules.ts';
export { countCeiling, folded as foldedForSearch, searchRegister } from './public-register.repo.ts';
export type { PublicEntry } from './public-register.repo.ts';
export { checkQuery, searchForm } from './public-register.rules.ts';
export { getPublicDetail, searchPublicRegister } from './public-register.service.ts';
export type { PublicDetail } from './public-register.service.ts';
export { isRegisterNumber, normaliseRegisterNumber, registerNumberFor } from './register-number.rules.ts';
export { objectionDeadline, validUntil } from './registration.rules.ts';
export type { Application, ApplicationEventLine, CommitteeMember } from './registrations.repo.ts';
export {
  applyForRegistration,
  assignApplication,
  checkEvidenceAccess,
  decideApplication,
  previewDecision,
  getApplicationForReview,
  getApplicationQueue,
  getOwnRegistration,
  listApplicationEvidence,
  listMyReviews,
  listOwnEvidenceForApplication,
  objectToDecision,
  renderRegistrationCertificate,
} from './registrations.service.ts';
export type { CheckedDecision, RegistrationDeps } from './registrations.service.ts';
export { getCheckProgress, previewBoardReminder, runCheckReminders, sendBoardReminder } from './check-reminders.service.ts';
export type { CheckProgress } from './check-reminders.service.ts';
export type { SchoolApprovals, SchoolProgress } from './record-notices.repo.ts';
export { countSchoolApprovals } from './record-notices.repo.ts';
export { checkReminderDays, disputeMailModes, reminderCoolOffDays } from './record-notices.rules.ts';
export type { DisputeMailMode } from './record-notices.rules.ts';
export {
  boardNoticesPath,
  getBoardNoticeSettings,
  hasUnsentCorrections,
  sendCorrectionNotices,
  sendDisputeDigests,
  setDisputeMail,
} from './record-notices.service.ts';
export type { BoardNoticeSettingsView, NoticeDeps } from './record-notices.service.ts';
export { checkRuleForm, ruleOfStoredVersion, ruleToForm, unitAndMinimumOf } from './renewal-rule.rules.ts';
export type { RuleForm } from './renewal-rule.rules.ts';
export type { PostponementDecisionForm, PostponementForm, RenewalForm } from './reregistration-forms.rules.ts';
export { seedDemoReregistration } from './reregistration.demo.ts';
export type { Postponement, PostponementCase } from './reregistration.repo.ts';
export { postponementGrounds, schoolLeaderThemes } from './reregistration.rules.ts';
export type { ReregistrationRule } from './reregistration.rules.ts';
export {
  applyForReregistration,
  decidePostponementRequest,
  evaluateAllRegistrations,
  exportOwnPostponements,
  getOwnPostponement,
  getOwnReregistration,
  getPostponementForDecision,
  getPostponementQueue,
  ownPostponementPath,
  ownReregistrationPath,
  progressOfEnrolment,
  renewalOutlook,
  requestPostponement,
  runNightlyReregistration,
} from './reregistration.service.ts';
export type { RegistrationProgress, RenewalEvaluation, RenewalOutlook, ReregistrationDeps } from './reregistration.service.ts';
export {
  countApplicationsAssignedTo,
  countApplicationsToAssign,
  countBoardChecks,
  countEnrolments,
  countOpenBoardDisputes,
  countOwnRecord,
  countOwnRegistration,
  countPostponementsToDecide,
} from './start-counts.repo.ts';
export type { OwnRecordCounts, OwnRegistrationCounts } from './start-counts.repo.ts';
export { activities, professional } from './reregistration.test-support.ts';
export type { TestProfessional } from './reregistration.test-support.ts';
export { EvaluationFacts, ruleDescription, standingText } from './views/reregistration-facts.tsx';
