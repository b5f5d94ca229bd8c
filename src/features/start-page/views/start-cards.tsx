import { translateMessage } from '../../../platform/i18n.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import type { StartCard } from '../../feature.ts';
import type { StartSection } from '../start-page.service.ts';

/** The cards of one section: each a heading that links to where the work is done, and its count or state in words. */
export function StartCards({ ctx, cards }: { ctx: PageContext; cards: StartCard[] }) {
  return (
    <ul class="br-cards">
      {cards.map((card) => (
        <li class={`br-card${card.waiting > 0 ? ' br-card--waiting' : ''}`}>
          <h3 class="utrecht-heading-3 br-card__heading">
            <a class="utrecht-link" href={card.href} safe>
              {translateMessage(ctx.lang, card.heading)}
            </a>
          </h3>
          <p class="utrecht-paragraph br-card__status" safe>
            {translateMessage(ctx.lang, card.status)}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** A section's heading: Mijn register, an organisation's name (with the actor's roles there), or a part of the register office. */
export function sectionTitle(ctx: PageContext, section: StartSection): string {
  return typeof section.place === 'string' ? ctx.t(`start.section.${section.place}`) : (section.name ?? '');
}

/** The line under an organisation's name: the actor's roles there. */
export function SectionRoles({ ctx, section }: { ctx: PageContext; section: StartSection }) {
  if (typeof section.place === 'string' || section.roles.length === 0) return '';
  const roles = section.roles.map((r) => ctx.t(`role.${r}`)).join(', ');
  return (
    <p class="utrecht-paragraph br-section__roles" safe>
      {ctx.t(section.roles.length === 1 ? 'start.roles.one' : 'start.roles.other', { roles })}
    </p>
  );
}
