import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import type { StartSection } from '../start-page.service.ts';
import { SectionRoles, StartCards, sectionTitle } from './start-cards.tsx';

export const managePath = '/beheer';

/** Where a person lands after signing in: what waits for them, per role, and the way to their account. */
export function StartPage({
  ctx,
  name,
  sections,
  waiting,
  offerOwnRecord,
}: {
  ctx: PageContext;
  name: string;
  sections: StartSection[];
  /** how many things wait over all cards */
  waiting: number;
  /** a role holder without a record of their own: a line to Mijn register all the same */
  offerOwnRecord: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('start.title')} current="account">
      <PageTitle text={t('start.title')} />
      <TextParagraph text={t('start.welcome', { name })} />
      {waiting === 0 ? (
        <p class="utrecht-paragraph br-start__empty" role="status" safe>
          {t('start.nothingWaiting')}
        </p>
      ) : (
        ''
      )}
      {sections.map((section) => (
        <section class="br-section" aria-labelledby={`kop-${section.id}`}>
          <h2 class="utrecht-heading-2" id={`kop-${section.id}`} safe>
            {sectionTitle(ctx, section)}
          </h2>
          <SectionRoles ctx={ctx} section={section} />
          <StartCards ctx={ctx} cards={section.cards} />
          {section.more ? (
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={`${managePath}#${section.id}`} safe>
                {t('start.moreInManage', { name: sectionTitle(ctx, section) })}
              </a>
            </p>
          ) : (
            ''
          )}
        </section>
      ))}
      {offerOwnRecord ? (
        <p class="utrecht-paragraph br-section">
          <span safe>{t('start.ownRecordToo')}</span>{' '}
          <a class="utrecht-link" href="/mijn-register" safe>
            {t('start.ownRecordLink')}
          </a>
        </p>
      ) : (
        ''
      )}
      <section class="br-section" aria-labelledby="kop-account">
        <h2 class="utrecht-heading-2" id="kop-account" safe>
          {t('start.accountTitle')}
        </h2>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/account" safe>
            {t('start.accountLink')}
          </a>
        </p>
      </section>
    </Layout>
  );
}

/**
 * Beheer: for each organisation the actor holds a role in (and each part of the register office), every
 * page with its tasks and facts. Register staff find their search tools above their section.
 */
export function ManagePage({ ctx, sections, tools }: { ctx: PageContext; sections: StartSection[]; tools?: JSX.Element }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('manage.title')} current="account">
      <PageTitle text={t('manage.title')} />
      <TextParagraph text={t('manage.intro')} />
      {sections.map((section) => (
        <section class="br-section" id={section.id} aria-labelledby={`kop-${section.id}`}>
          <h2 class="utrecht-heading-2" id={`kop-${section.id}`} safe>
            {sectionTitle(ctx, section)}
          </h2>
          <SectionRoles ctx={ctx} section={section} />
          {section.cards.length > 0 ? <StartCards ctx={ctx} cards={section.cards} /> : <TextParagraph text={t('manage.noPages')} />}
          {section.place === 'register-office' && tools ? tools : ''}
        </section>
      ))}
    </Layout>
  );
}
