import Html from '@kitajs/html';
import { formatNumber, translateMessage, type Message, type Translate } from '../../../platform/i18n.ts';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { RadioGroup, SelectField, TextField } from '../../../ui/components/form-field.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { DataList, Paragraph } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { eventWhen, eventWhere } from '../event-format.ts';
import {
  eventKinds,
  registrantRoles,
  schoolSettings,
  type EventKind,
  type Period,
  type RegistrantRole,
  type RegistrationForm,
  type SchoolSetting,
} from '../events.rules.ts';
import { eventCalendarPath, eventPath, eventsPath, feedPath, ownEventsPath, type Event, type EventPage, type SchoolChoice } from '../events.service.ts';

export const kindLabel = (t: Translate, kind: string) => t(`events.kind.${kind as EventKind}`);
export const roleLabel = (t: Translate, role: string) => t(`events.role.${role as RegistrantRole}`);
export const settingLabel = (t: Translate, setting: string | null) => (setting ? t(`events.setting.${setting as SchoolSetting}`) : '—');
export const audienceText = (t: Translate, audience: readonly string[]) => audience.map((r) => t(`events.audience.${r as 'leraar'}`)).join(', ');

/** Places as people read them: how many are free, or that the event is full. */
export function placesText(ctx: PageContext, event: Event): string {
  const { t, lang } = ctx;
  const free = Math.max(0, event.capacity - event.placed);
  if (free === 0) return `${t('events.full')}${event.waiting > 0 ? ` (${t('events.waitingCount', { count: event.waiting })})` : ''}`;
  return t('events.places', { free: formatNumber(lang, free), capacity: formatNumber(lang, event.capacity) });
}

/** A text with blank lines between its paragraphs, as paragraphs. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\r?\n\s*\r?\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p class="utrecht-paragraph" safe>
            {p}
          </p>
        ))}
    </>
  );
}

function CalendarLink({ ctx, event }: { ctx: PageContext; event: Event }) {
  return (
    <a class="utrecht-link" href={eventCalendarPath(event.id)} download="" type="text/calendar">
      <span safe>{ctx.t('events.ics')}</span>
      <span class="br-visually-hidden" safe>{`: ${event.title}`}</span>
    </a>
  );
}

export type EventsQuery = { soort: string; periode: string };

/** The query string of the filters, without the page. */
const queryString = (q: Partial<EventsQuery>) => new URLSearchParams(Object.entries(q).filter(([, v]) => v) as [string, string][]).toString();

function EventCard({ ctx, event }: { ctx: PageContext; event: Event }) {
  const { t, lang } = ctx;
  return (
    <article class="br-offering" aria-labelledby={`bijeenkomst-${event.id}`}>
      <h3 class="utrecht-heading-3" id={`bijeenkomst-${event.id}`}>
        <a class="utrecht-link" href={eventPath(event.id)} safe>
          {event.title}
        </a>
      </h3>
      <p class="utrecht-paragraph" safe>
        {`${kindLabel(t, event.kind)} · ${eventWhen(lang, event)} · ${eventWhere(t('events.online'), event)}`}
      </p>
      <p class="utrecht-paragraph" safe>
        {`${t('events.field.audience')}: ${audienceText(t, event.audience)}`}
      </p>
      <p class="utrecht-paragraph br-small" safe>
        {placesText(ctx, event)}
      </p>
    </article>
  );
}

type ListProps = { ctx: PageContext; result: EventPage | null; query: EventsQuery; period: Period; recentPast: Event[]; errors?: FieldError[] };

/**
 * The public list of events: upcoming ones first (soonest first, a page at a time), with a few past ones
 * apart below and a page of their own; a filter by kind that works as a plain GET form; the feed.
 */
export function EventsPage({ ctx, result, query, period, recentPast, errors = [] }: ListProps) {
  const { t } = ctx;
  const base = queryString({ soort: query.soort, periode: period === 'voorbij' ? 'voorbij' : '' });
  const href = (p: number) => `${eventsPath}?${base ? `${base}&` : ''}page=${p}`;
  const heading = period === 'voorbij' ? t('events.past') : t('events.upcoming');
  const empty = period === 'voorbij' ? t('events.none.past') : query.soort ? t('events.none.upcomingKind') : t('events.none.upcoming');
  return (
    <Layout ctx={ctx} title={t('events.title')}>
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('events.title')} />
      <TextParagraph text={t('events.intro')} />
      <Paragraph>
        <a class="utrecht-link" href={feedPath} type="text/calendar" safe>
          {t('events.feed')}
        </a>
      </Paragraph>
      {/* biome-ignore lint/a11y/useSemanticElements: a form with role=search is a search landmark everywhere; <search> is not yet */}
      <form class="br-form br-search" method="get" action={eventsPath} role="search" novalidate>
        {period === 'voorbij' ? <HiddenField name="periode" value="voorbij" /> : ''}
        <SelectField
          id="soort"
          name="soort"
          label={t('events.filter.kind')}
          value={query.soort}
          error={errorFor(errors, 'soort')}
          options={[{ value: '', label: t('events.filter.any') }, ...eventKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))]}
        />
        <div class="br-search__actions">
          <Button>{Html.escapeHtml(t('events.filter.button'))}</Button>
        </div>
      </form>
      <section aria-labelledby="lijst-titel">
        <h2 class="utrecht-heading-2" id="lijst-titel" safe>
          {heading}
        </h2>
        {result ? (
          <p class="utrecht-paragraph br-results-count" role="status" safe>
            {t('events.count', { count: result.total })}
          </p>
        ) : (
          ''
        )}
        {!result ? '' : result.events.length === 0 ? <TextParagraph text={empty} /> : result.events.map((e) => <EventCard ctx={ctx} event={e} />)}
        {result ? <Pagination page={result.page} pageSize={result.pageSize} total={result.total} href={href} t={t} /> : ''}
      </section>
      {period === 'komend' ? (
        <section aria-labelledby="eerder-titel">
          <h2 class="utrecht-heading-2" id="eerder-titel" safe>
            {t('events.past')}
          </h2>
          {recentPast.length === 0 ? (
            <TextParagraph text={t('events.none.past')} />
          ) : (
            <ul class="utrecht-unordered-list">
              {recentPast.map((e) => (
                <li class="utrecht-unordered-list__item">
                  <a class="utrecht-link" href={eventPath(e.id)} safe>
                    {e.title}
                  </a>
                  <span safe>{` · ${kindLabel(t, e.kind)} · ${eventWhen(ctx.lang, e)}`}</span>
                </li>
              ))}
            </ul>
          )}
          <Paragraph>
            <a class="utrecht-link" href={`${eventsPath}?${queryString({ soort: query.soort, periode: 'voorbij' })}`} safe>
              {t('events.pastLink')}
            </a>
          </Paragraph>
        </section>
      ) : (
        <Paragraph>
          <a class="utrecht-link" href={`${eventsPath}${query.soort ? `?${queryString({ soort: query.soort })}` : ''}`} safe>
            {t('events.upcomingLink')}
          </a>
        </Paragraph>
      )}
    </Layout>
  );
}

export const emptyRegistration: RegistrationForm = { naam: '', email: '', rol: '', school: '', schoolId: '', omgeving: '' };

type EventPageProps = {
  ctx: PageContext;
  event: Event;
  open: { open: true } | { open: false; reason: Message };
  /** the signed-in person, whose address registers */
  account?: { email: string; name: string };
  values?: RegistrationForm;
  errors?: FieldError[];
  /** the schools that match what was typed, to choose from */
  choices?: SchoolChoice[];
};

/** The registration form: signed in, the account's address; otherwise an address to confirm by mail. */
function RegistrationFormPart({ ctx, event, account, values = emptyRegistration, errors = [], choices = [] }: Omit<EventPageProps, 'open'>) {
  const { t } = ctx;
  const full = event.placed >= event.capacity;
  return (
    <section aria-labelledby="aanmelden-titel">
      <h2 class="utrecht-heading-2" id="aanmelden-titel" safe>
        {t('events.register.title')}
      </h2>
      {account ? (
        <TextParagraph text={t('events.register.introSignedIn', { email: account.email })} />
      ) : (
        <>
          <TextParagraph text={t('events.register.introEmail')} />
          <Paragraph>
            <a class="utrecht-link" href={`/inloggen?terug=${encodeURIComponent(eventPath(event.id))}`} safe>
              {t('events.register.signIn')}
            </a>
          </Paragraph>
        </>
      )}
      {full ? (
        <Alert type="warning">
          <span safe>{placesText(ctx, event)}</span>
        </Alert>
      ) : (
        ''
      )}
      <Form action={`${eventPath(event.id)}/aanmelden`} csrfToken={ctx.csrfToken}>
        <TextField
          id="naam"
          name="naam"
          label={t('events.register.name')}
          value={values.naam || account?.name || ''}
          error={errorFor(errors, 'naam')}
          autocomplete="name"
        />
        {account ? (
          ''
        ) : (
          <TextField
            id="email"
            name="email"
            type="email"
            label={t('events.register.email')}
            value={values.email}
            error={errorFor(errors, 'email')}
            autocomplete="email"
          />
        )}
        <SelectField
          id="rol"
          name="rol"
          label={t('events.register.role')}
          value={values.rol}
          error={errorFor(errors, 'rol')}
          options={[{ value: '', label: t('events.register.choose') }, ...registrantRoles.map((r) => ({ value: r, label: roleLabel(t, r) }))]}
        />
        <TextField
          id="school"
          name="school"
          label={t('events.register.school')}
          hint={t('events.register.schoolHint')}
          value={values.school}
          error={choices.length > 0 ? undefined : errorFor(errors, 'school')}
          autocomplete="organization"
        />
        {choices.length > 0 ? (
          <RadioGroup
            id="schoolId"
            name="schoolId"
            label={t('events.register.schoolChoice')}
            hint={t('events.register.schoolChoiceHint')}
            error={errorFor(errors, 'schoolId')}
            value={values.schoolId}
            options={choices.map((c) => ({ value: c.id, label: c.label }))}
          />
        ) : (
          ''
        )}
        <RadioGroup
          id="omgeving"
          name="omgeving"
          label={t('events.register.setting')}
          hint={t('events.register.settingHint')}
          value={values.omgeving}
          error={errorFor(errors, 'omgeving')}
          options={schoolSettings.map((s) => ({ value: s, label: settingLabel(t, s) }))}
        />
        <Button>{Html.escapeHtml(full ? t('events.register.buttonWaiting') : t('events.register.button'))}</Button>
      </Form>
    </section>
  );
}

/** One event: what, when, where, for whom, places, the calendar file, and the registration form while it is open. */
export function EventDetailPage(props: EventPageProps) {
  const { ctx, event, open, errors = [] } = props;
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={event.title}>
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={event.title} />
      <Paragraph lead>
        <span safe>{kindLabel(t, event.kind)}</span>
      </Paragraph>
      <Paragraph>
        <a class="utrecht-link" href={eventsPath} safe>
          {t('events.back')}
        </a>
      </Paragraph>
      {event.cancelledAt ? (
        <Alert type="warning">
          <span safe>{t('events.cancelledNotice')}</span>
        </Alert>
      ) : (
        ''
      )}
      <DataList
        items={[
          { label: t('events.field.when'), value: <span safe>{eventWhen(lang, event)}</span> },
          { label: t('events.field.where'), value: <span safe>{eventWhere(t('events.online'), event)}</span> },
          { label: t('events.field.audience'), value: <span safe>{audienceText(t, event.audience)}</span> },
          { label: t('events.field.places'), value: <span safe>{placesText(ctx, event)}</span> },
          {
            label: t('events.field.feedback'),
            value: <span safe>{event.anonymousFeedback ? t('events.feedback.anonymous') : t('events.feedback.named')}</span>,
          },
        ]}
      />
      <Paragraphs text={event.description} />
      {event.online ? <TextParagraph text={t('events.onlineLinkLater')} /> : ''}
      {event.cancelledAt ? (
        ''
      ) : (
        <Paragraph>
          <CalendarLink ctx={ctx} event={event} />
        </Paragraph>
      )}
      {open.open ? (
        <RegistrationFormPart {...props} />
      ) : (
        <Alert type="info">
          <span safe>{translateMessage(lang, open.reason)}</span>
        </Alert>
      )}
    </Layout>
  );
}

/** What became of a registration, in plain words, with the way on. */
export function OutcomePage({
  ctx,
  title,
  text,
  type = 'ok',
  links = [],
}: {
  ctx: PageContext;
  title: string;
  text: string;
  type?: 'ok' | 'info' | 'warning';
  links?: { href: string; label: string }[];
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <PageTitle text={title} />
      <Alert type={type}>
        <span safe>{text}</span>
      </Alert>
      {links.map((l) => (
        <Paragraph>
          <a class="utrecht-link" href={l.href} safe>
            {l.label}
          </a>
        </Paragraph>
      ))}
    </Layout>
  );
}

/** A mailed link's page: what it will do, and the button that does it (mail scanners follow links, they do not post forms). */
export function LinkButtonPage({
  ctx,
  title,
  text,
  action,
  hidden,
  button,
  secondary,
}: {
  ctx: PageContext;
  title: string;
  text: string;
  action: string;
  hidden: { name: string; value: string };
  button: string;
  secondary?: boolean;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <PageTitle text={title} />
      <TextParagraph text={text} />
      <Form action={action} csrfToken={ctx.csrfToken}>
        <HiddenField name={hidden.name} value={hidden.value} />
        <Button appearance={secondary ? 'secondary' : 'primary'}>{Html.escapeHtml(button)}</Button>
      </Form>
    </Layout>
  );
}

export type OwnRegistration = {
  id: string;
  status: string;
  position: number | null;
  cancellable: boolean;
  event: Event;
};

/** The signed-in person's registrations, with a way to cancel each that still can be. */
export function OwnEventsPage({ ctx, email, registrations, notice }: { ctx: PageContext; email: string; registrations: OwnRegistration[]; notice?: string }) {
  const { t, lang } = ctx;
  const statusOf = (r: OwnRegistration) =>
    r.event.cancelledAt
      ? t('events.cancelledTag')
      : r.position
        ? t('events.own.position', { position: r.position })
        : t(`events.status.${r.status as 'aangemeld'}`);
  return (
    <Layout ctx={ctx} title={t('events.own.title')} current="account">
      <PageTitle text={t('events.own.title')} />
      <Notice message={notice} />
      <TextParagraph text={t('events.own.intro', { email })} />
      {registrations.length === 0 ? (
        <>
          <TextParagraph text={t('events.own.none')} />
          <Paragraph>
            <a class="utrecht-link" href={eventsPath} safe>
              {t('events.own.find')}
            </a>
          </Paragraph>
        </>
      ) : (
        <ul class="utrecht-unordered-list br-plain-list" aria-label={t('events.own.caption')}>
          {registrations.map((r) => (
            <li class="utrecht-unordered-list__item">
              <article class="br-offering" aria-labelledby={`aanmelding-${r.id}`}>
                <h2 class="utrecht-heading-3" id={`aanmelding-${r.id}`}>
                  <a class="utrecht-link" href={eventPath(r.event.id)} safe>
                    {r.event.title}
                  </a>
                </h2>
                <p class="utrecht-paragraph" safe>
                  {`${eventWhen(lang, r.event)} · ${eventWhere(t('events.online'), r.event)}`}
                </p>
                <p class="utrecht-paragraph" safe>
                  {`${t('events.own.col.status')}: ${statusOf(r)}`}
                </p>
                {r.cancellable ? (
                  <p class="utrecht-paragraph">
                    <a class="utrecht-link" href={`${ownEventsPath}/${r.id}/afmelden`}>
                      <span safe>{t('events.own.cancel')}</span>
                      <span class="br-visually-hidden" safe>{`: ${r.event.title}`}</span>
                    </a>
                  </p>
                ) : (
                  ''
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
