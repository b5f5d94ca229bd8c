import { formatDay } from '../../../platform/i18n.ts';
import { DataList } from '../../../ui/components/table.tsx';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { PublicDetail } from '../../register/index.ts';
import { statusExplanation, statusLabel } from './public-status.ts';

/** The path of an entry's page, from its register number. */
export const entryPath = (registerNumber: string) => `/register/${registerNumber}`;

/**
 * One entry of the public register, as the BIG-register shows one: the public facts only (name,
 * register number, status, per register the title, level and period, the schools), what the status
 * means, and the day any of it last changed.
 */
export function RegisterEntryPage({ ctx, entry }: { ctx: PageContext; entry: PublicDetail }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={`${entry.name} – ${t('register.title')}`} current="register">
      <PageTitle text={entry.name} />
      <DataList
        items={[
          { label: t('register.detail.number'), value: <span safe>{entry.registerNumber}</span> },
          { label: t('register.detail.status'), value: <span safe>{statusLabel(t, entry.status)}</span> },
          { label: t('register.detail.lastChanged'), value: <span safe>{formatDay(lang, entry.lastChanged)}</span> },
        ]}
      />
      <section aria-labelledby="status-betekenis">
        <h2 class="utrecht-heading-2" id="status-betekenis" safe>
          {t('register.detail.statusMeaning')}
        </h2>
        <TextParagraph text={statusExplanation(t, entry.status)} />
      </section>
      <section aria-labelledby="registratie">
        <h2 class="utrecht-heading-2" id="registratie" safe>
          {t('register.detail.registrations')}
        </h2>
        {entry.registrations.length === 0 ? <TextParagraph text={t('register.detail.noRegistrations')} /> : ''}
        {entry.registrations.map((r) => (
          <>
            <h3 class="utrecht-heading-3" safe>
              {r.register}
            </h3>
            <DataList
              items={[
                { label: t('register.detail.title'), value: <span safe>{r.title}</span> },
                { label: t('register.detail.level'), value: <span safe>{r.level}</span> },
                {
                  label: t('register.detail.validUntil'),
                  value: <span safe>{r.lapsed ? t('register.detail.lapsed', { date: r.validUntil }) : formatDay(lang, r.validUntil)}</span>,
                },
              ]}
            />
          </>
        ))}
      </section>
      <section aria-labelledby="scholen">
        <h2 class="utrecht-heading-2" id="scholen" safe>
          {t('register.detail.schools')}
        </h2>
        {entry.schools.length === 0 ? (
          <TextParagraph text={t('register.detail.noSchools')} />
        ) : (
          <ul class="utrecht-unordered-list">
            {entry.schools.map((s) => (
              <li class="utrecht-unordered-list__item" safe>
                {s.place ? `${s.name}, ${s.place}` : s.name}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p class="utrecht-paragraph br-small" safe>
        {t('register.detail.about')}
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/register" safe>
          {t('register.detail.back')}
        </a>
      </p>
    </Layout>
  );
}
