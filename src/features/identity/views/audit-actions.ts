import type { Lang } from '../../../platform/i18n.ts';

/** Audit actions as a person reads them; an unknown action shows as its code. */
const descriptions: Record<string, Record<Lang, string>> = {
  'account.created': { nl: 'account aangemaakt', en: 'account created' },
  'account.email-verified': { nl: 'e-mailadres bevestigd', en: 'e-mail address confirmed' },
  'account.signed-in': { nl: 'ingelogd', en: 'signed in' },
  'account.sign-in-failed': { nl: 'inloggen mislukt (verkeerd wachtwoord)', en: 'sign-in failed (wrong password)' },
  'account.locked': { nl: 'account tijdelijk geblokkeerd', en: 'account temporarily locked' },
  'account.unlocked': { nl: 'account gedeblokkeerd', en: 'account unlocked' },
  'account.password-reset-requested': { nl: 'nieuw wachtwoord aangevraagd', en: 'new password requested' },
  'account.password-reset': { nl: 'wachtwoord gewijzigd', en: 'password changed' },
  'account.second-factor-enabled': { nl: 'inloggen in twee stappen aangezet', en: 'two-step sign-in turned on' },
  'account.second-factor-given': { nl: 'tweede stap van inloggen gegeven', en: 'second sign-in step given' },
  'account.second-factor-failed': { nl: 'verkeerde code bij inloggen', en: 'wrong sign-in code' },
  'account.second-factor-locked': { nl: 'te vaak een verkeerde code: opnieuw inloggen nodig', en: 'too many wrong codes: sign-in needed again' },
  'outbox.viewed': { nl: 'uitgaande e-mail bekeken', en: 'outgoing e-mail viewed' },
  'account.signed-out': { nl: 'uitgelogd', en: 'signed out' },
  'account.signed-out-everywhere': { nl: 'overal uitgelogd', en: 'signed out everywhere' },
  'account.federated-identity-linked': { nl: 'inlogdienst gekoppeld', en: 'sign-in service linked' },
  'account.audit-trail-viewed': { nl: 'logboek van het account bekeken', en: 'audit trail of the account viewed' },
  'membership.invited': { nl: 'uitnodiging verstuurd', en: 'invitation sent' },
  'membership.granted': { nl: 'rol gekregen', en: 'role granted' },
  'membership.revoked': { nl: 'rol ingetrokken', en: 'role revoked' },
  'members.listed': { nl: 'lijst van medewerkers bekeken', en: 'list of staff viewed' },
  'member.viewed': { nl: 'naam, e-mailadres en rol bekeken in de lijst van medewerkers', en: 'name, e-mail address and role viewed in the list of staff' },
  'api-token.created': { nl: 'API-token gemaakt', en: 'API token created' },
  'api-token.revoked': { nl: 'API-token ingetrokken', en: 'API token revoked' },
};

export function describeAuditAction(lang: Lang, action: string): string {
  return descriptions[action]?.[lang] ?? action;
}
