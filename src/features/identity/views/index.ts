export { InvitationPage, MembersPage, RevokeMemberPage, RevokeTokenPage, TokensPage, rolesOfKind } from './organisation-admin-pages.tsx';
export { MessagePage } from './sign-in-pages.tsx';
