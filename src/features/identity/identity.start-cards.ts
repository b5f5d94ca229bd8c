import { countMessage, message } from '../../platform/i18n.ts';
import type { StartCard, StartCardProvider } from '../feature.ts';
import { organisationsAllowing } from '../start-cards.ts';
import { countLiveTokens, countMembers } from './organisation-counts.repo.ts';

/** Beheer's cards for an organisation's own staff: its members and roles, and (for its admins) its API tokens. */
export const identityCards: StartCardProvider = async ({ db, now }, actor) => {
  const cards: StartCard[] = [];
  const kinds = ['bestuur', 'aanbieder', 'administratiekantoor'] as const;
  for (const organisation of await organisationsAllowing(actor, kinds, (o) => ({ action: 'members.read', organisation: o }))) {
    cards.push({
      place: organisation,
      kind: 'page',
      heading: message('account.members'),
      href: `/beheer/${organisation.kind}/${organisation.id}/leden`,
      status: countMessage(await countMembers(db, organisation), { one: 'start.members.one', other: 'start.members.other' }),
      waiting: 0,
    });
  }
  for (const organisation of await organisationsAllowing(actor, kinds, (o) => ({ action: 'tokens.manage', organisation: o }))) {
    cards.push({
      place: organisation,
      kind: 'page',
      heading: message('account.tokens'),
      href: `/beheer/${organisation.kind}/${organisation.id}/tokens`,
      status: countMessage(await countLiveTokens(db, organisation, now), { none: 'start.tokens.none', one: 'start.tokens.one', other: 'start.tokens.other' }),
      waiting: 0,
    });
  }
  return cards;
};
