/**
 * The kinds of organisation an account can hold a role in (memberships.organisation_kind). An
 * administratiekantoor delivers for the boards that authorise it (decision 022); it is no DUO organisation.
 */
export const organisationKinds = ['bestuur', 'aanbieder', 'register', 'partnerschap', 'schoolteam', 'administratiekantoor'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** The register's own office is one organisation with a fixed id. */
export const registerOfficeId = '00000000-0000-4000-8000-000000000001';

export type OrganisationRef = { kind: OrganisationKind; id: string };

export const roleNames = [
  'board-admin',
  'board-staff',
  'provider-admin',
  'provider-staff',
  'register-staff',
  'registration-committee',
  'accreditation-committee',
  'partnership-coordinator',
  'peer-reviewer',
  'team-facilitator',
  'team-member',
  'office-admin',
  'office-staff',
] as const;
export type Role = (typeof roleNames)[number];

type RoleDefinition = {
  kind: OrganisationKind;
  /** must sign in with a second factor (TOTP): register staff, commission members, and a board's HR, who deliver files with BSNs */
  secondFactor: boolean;
  /** roles whose holders may invite others into this role in the same organisation */
  invitedBy: readonly Role[];
};

export const roles: Record<Role, RoleDefinition> = {
  'board-admin': { kind: 'bestuur', secondFactor: true, invitedBy: ['board-admin', 'register-staff'] },
  'board-staff': { kind: 'bestuur', secondFactor: true, invitedBy: ['board-admin', 'register-staff'] },
  'provider-admin': { kind: 'aanbieder', secondFactor: false, invitedBy: ['provider-admin', 'register-staff'] },
  'provider-staff': { kind: 'aanbieder', secondFactor: false, invitedBy: ['provider-admin', 'register-staff'] },
  'register-staff': { kind: 'register', secondFactor: true, invitedBy: ['register-staff'] },
  'registration-committee': { kind: 'register', secondFactor: true, invitedBy: ['register-staff'] },
  'accreditation-committee': { kind: 'register', secondFactor: true, invitedBy: ['register-staff'] },
  'partnership-coordinator': { kind: 'partnerschap', secondFactor: false, invitedBy: ['register-staff'] },
  'peer-reviewer': { kind: 'partnerschap', secondFactor: false, invitedBy: ['register-staff', 'partnership-coordinator'] },
  'team-facilitator': { kind: 'schoolteam', secondFactor: false, invitedBy: ['register-staff'] },
  'team-member': { kind: 'schoolteam', secondFactor: false, invitedBy: ['team-facilitator'] },
  // an administratiekantoor delivers files with BSNs for its boards, as a board's HR does: two-step sign-in
  'office-admin': { kind: 'administratiekantoor', secondFactor: true, invitedBy: ['office-admin', 'register-staff'] },
  'office-staff': { kind: 'administratiekantoor', secondFactor: true, invitedBy: ['office-admin', 'register-staff'] },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roleNames as readonly string[]).includes(value);
}

/** What a machine token may do: deliver staff data, read, record attendance. */
export const tokenScopes = ['aanleveren', 'lezen', 'presentie'] as const;
export type TokenScope = (typeof tokenScopes)[number];

/** Which organisation kinds may hold tokens, and with which scopes. */
export const scopesByKind: Partial<Record<OrganisationKind, readonly TokenScope[]>> = {
  bestuur: ['aanleveren', 'lezen'],
  aanbieder: ['presentie', 'lezen'],
  // delivers (and reads its own deliveries) for the boards that authorise it; reading a board's staff stays the board's
  administratiekantoor: ['aanleveren'],
};
