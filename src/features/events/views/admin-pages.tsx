import Html from '@kitajs/html';
import { formatDateTime, formatNumber, translateMessage, type Message } from '../../../platform/i18n.ts';
import { amsterdamDateTime } from '../../../platform/dates/dutch-time.ts';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { CheckboxField, CheckboxGroup, RadioGroup, TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { BackLink, Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { eventWhen, eventWhere } from '../event-format.ts';
import { audienceRoles, eventKinds, type EventForm, type Period } from '../events.rules.ts';
import { adminEventPath, adminEventsPath, eventPath, type Event, type EventPage, type Registration } from '../events.service.ts';
import { audienceText, kindLabel, roleLabel, settingLabel } from './event-pages.tsx';

export const emptyEventForm: EventForm = {
  soort: '',
  titel: '',
  beschrijving: '',
  doelgroep: [],
  datum: '',
  begintijd: '',
  eindtijd: '',
  vorm: 'locatie',
  plaats: '',
  link: '',
  capaciteit: '',
  anoniem: '',
};

/** An event as its form shows it, to change it. */
export function formOfEvent(event: Event): EventForm {
  const start = amsterdamDateTime(event.startsAt);
  const [y, m, d] = start.date.split('-');
  return {
    soort: event.kind,
    titel: event.title,
    beschrijving: event.description,
    doelgroep: event.audience,
    datum: `${d}-${m}-${y}`,
    begintijd: start.time,
    eindtijd: amsterdamDateTime(event.endsAt).time,
    vorm: event.online ? 'online' : 'locatie',
    plaats: event.place ?? '',
    link: event.onlineUrl ?? '',
    capaciteit: String(event.capacity),
    anoniem: event.anonymousFeedback ? 'ja' : '',
  };
}

/** Register staff's list: upcoming events (or past ones), cancelled ones marked, with their registrations. */
export function AdminEventsPage({ ctx, result, period, notice }: { ctx: PageContext; result: EventPage; period: Period; notice?: string }) {
  const { t, lang } = ctx;
  const href = (p: number) => `${adminEventsPath}?${period === 'voorbij' ? 'periode=voorbij&' : ''}page=${p}`;
  return (
    <Layout ctx={ctx} title={t('events.admin.title')} current="account">
      <PageTitle text={t('events.admin.title')} />
      <Notice message={notice} />
      <TextParagraph text={t('events.admin.intro')} />
      <Paragraph>
        <Button href={`${adminEventsPath}/nieuw`}>{Html.escapeHtml(t('events.admin.new'))}</Button>
      </Paragraph>
      <h2 class="utrecht-heading-2" safe>
        {period === 'voorbij' ? t('events.past') : t('events.upcoming')}
      </h2>
      {result.events.length === 0 ? (
        <TextParagraph text={period === 'voorbij' ? t('events.admin.none.past') : t('events.admin.none.upcoming')} />
      ) : (
        <Table
          caption={t('events.admin.caption')}
          captionHidden
          rows={result.events}
          columns={[
            {
              header: t('events.col.title'),
              cell: (e) => (
                <>
                  <a class="utrecht-link" href={adminEventPath(e.id)} safe>
                    {e.title}
                  </a>
                  {e.cancelledAt ? <span class="br-tag-closed" safe>{` ${t('events.cancelledTag')}`}</span> : ''}
                </>
              ),
            },
            {
              header: t('events.col.kind'),
              cell: (e) =>
                e.kind === 'verkennend-gesprek' ? (
                  <>
                    <span safe>{kindLabel(t, e.kind)}</span>
                    <br />
                    <a class="utrecht-link" href={`${adminEventPath(e.id)}/groepen`}>
                      <span safe>{t('events.admin.groups')}</span>
                      <span class="br-visually-hidden" safe>{` (${e.title})`}</span>
                    </a>
                  </>
                ) : (
                  <span safe>{kindLabel(t, e.kind)}</span>
                ),
            },
            { header: t('events.col.when'), cell: (e) => <span safe>{eventWhen(lang, e)}</span> },
            {
              header: t('events.admin.col.registrations'),
              cell: (e) => (
                <a class="utrecht-link" href={`${adminEventPath(e.id)}/aanwezigheid`}>
                  <span safe>
                    {t('events.admin.registrations', {
                      placed: formatNumber(lang, e.placed),
                      capacity: formatNumber(lang, e.capacity),
                      waiting: formatNumber(lang, e.waiting),
                    })}
                  </span>
                  <span class="br-visually-hidden" safe>{` (${e.title})`}</span>
                </a>
              ),
            },
          ]}
        />
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} href={href} t={t} />
      <Paragraph>
        {period === 'voorbij' ? (
          <a class="utrecht-link" href={adminEventsPath} safe>
            {t('events.upcomingLink')}
          </a>
        ) : (
          <a class="utrecht-link" href={`${adminEventsPath}?periode=voorbij`} safe>
            {t('events.pastLink')}
          </a>
        )}
      </Paragraph>
    </Layout>
  );
}

type EventFormProps = {
  ctx: PageContext;
  /** the event being changed; a new one without */
  event?: Event;
  values: EventForm;
  errors?: FieldError[];
  notice?: string;
  changeable?: { ok: true } | { ok: false; reason: Message };
};

/** The form to create an event, or to change one (with its registrations and the way to cancel it). */
export function EventFormPage({ ctx, event, values, errors = [], notice, changeable = { ok: true } }: EventFormProps) {
  const { t, lang } = ctx;
  const title = event ? event.title : t('events.admin.new');
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <Notice message={notice} />
      <BackLink href={adminEventsPath} text={t('events.admin.title')} />
      {event ? (
        <>
          <DataList
            items={[
              { label: t('events.field.when'), value: <span safe>{eventWhen(lang, event)}</span> },
              {
                label: t('events.admin.col.registrations'),
                value: (
                  <a class="utrecht-link" href={`${adminEventPath(event.id)}/aanwezigheid`} safe>
                    {t('events.admin.registrations', {
                      placed: formatNumber(lang, event.placed),
                      capacity: formatNumber(lang, event.capacity),
                      waiting: formatNumber(lang, event.waiting),
                    })}
                  </a>
                ),
              },
              ...(event.kind === 'verkennend-gesprek'
                ? [
                    {
                      label: t('events.admin.groups'),
                      value: (
                        <a class="utrecht-link" href={`${adminEventPath(event.id)}/groepen`} safe>
                          {t('events.admin.groupsLink')}
                        </a>
                      ),
                    },
                  ]
                : []),
              {
                // the feedback feature's page of this event (decision 030)
                label: t('events.admin.feedback'),
                value: (
                  <a class="utrecht-link" href={`${adminEventPath(event.id)}/feedback`} safe>
                    {t('events.admin.feedbackLink')}
                  </a>
                ),
              },
              {
                label: t('events.admin.publicPage'),
                value: (
                  <a class="utrecht-link" href={eventPath(event.id)} safe>
                    {event.title}
                  </a>
                ),
              },
            ]}
          />
          {event.cancelledAt ? (
            <Alert type="warning">
              <span safe>{t('events.cancelledNotice')}</span>
            </Alert>
          ) : (
            ''
          )}
          <h2 class="utrecht-heading-2" safe>
            {t('events.admin.edit')}
          </h2>
        </>
      ) : (
        ''
      )}
      {!changeable.ok ? (
        <Alert type="info">
          <span safe>{`${translateMessage(lang, changeable.reason)} ${t('events.admin.notChangeable')}`}</span>
        </Alert>
      ) : (
        <Form action={event ? adminEventPath(event.id) : adminEventsPath} csrfToken={ctx.csrfToken}>
          <RadioGroup
            id="soort"
            name="soort"
            label={t('events.form.kind')}
            value={values.soort}
            error={errorFor(errors, 'soort')}
            options={eventKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
          />
          <TextField id="titel" name="titel" label={t('events.form.title')} value={values.titel} error={errorFor(errors, 'titel')} />
          <TextAreaField
            id="beschrijving"
            name="beschrijving"
            label={t('events.form.description')}
            hint={t('events.form.descriptionHint')}
            value={values.beschrijving}
            error={errorFor(errors, 'beschrijving')}
            rows={6}
          />
          <CheckboxGroup
            id="doelgroep"
            name="doelgroep"
            label={t('events.form.audience')}
            hint={t('events.form.audienceHint')}
            error={errorFor(errors, 'doelgroep')}
            options={audienceRoles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
            checked={values.doelgroep}
          />
          <TextField
            id="datum"
            name="datum"
            label={t('events.form.date')}
            hint={t('events.form.dateHint')}
            value={values.datum}
            error={errorFor(errors, 'datum')}
          />
          <TextField
            id="begintijd"
            name="begintijd"
            label={t('events.form.start')}
            hint={t('events.form.timeHint')}
            value={values.begintijd}
            error={errorFor(errors, 'begintijd')}
          />
          <TextField
            id="eindtijd"
            name="eindtijd"
            label={t('events.form.end')}
            hint={t('events.form.timeHint')}
            value={values.eindtijd}
            error={errorFor(errors, 'eindtijd')}
          />
          <RadioGroup
            id="vorm"
            name="vorm"
            label={t('events.form.format')}
            value={values.vorm}
            error={errorFor(errors, 'vorm')}
            options={[
              { value: 'locatie', label: t('events.form.format.locatie') },
              { value: 'online', label: t('events.form.format.online') },
            ]}
          />
          <TextField
            id="plaats"
            name="plaats"
            label={t('events.form.place')}
            hint={t('events.form.placeHint')}
            value={values.plaats}
            error={errorFor(errors, 'plaats')}
          />
          <TextField
            id="link"
            name="link"
            type="text"
            label={t('events.form.link')}
            hint={t('events.form.linkHint')}
            value={values.link}
            error={errorFor(errors, 'link')}
            attrs={{ inputmode: 'url' }}
          />
          <TextField
            id="capaciteit"
            name="capaciteit"
            label={t('events.form.capacity')}
            hint={t('events.form.capacityHint')}
            value={values.capaciteit}
            error={errorFor(errors, 'capaciteit')}
            attrs={{ inputmode: 'numeric' }}
          />
          <CheckboxField id="anoniem" name="anoniem" label={t('events.form.anonymous')} checked={values.anoniem === 'ja'} />
          <Button>{Html.escapeHtml(event ? t('events.form.save') : t('events.form.create'))}</Button>
        </Form>
      )}
      {event && changeable.ok ? (
        <>
          <h2 class="utrecht-heading-2" safe>
            {t('events.admin.cancel')}
          </h2>
          <Paragraph>
            <Button appearance="secondary" href={`${adminEventPath(event.id)}/afgelasten`}>
              {Html.escapeHtml(t('events.admin.cancel'))}
            </Button>
          </Paragraph>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** The confirmation before an event is cancelled: who will be told, and that it cannot be undone. */
export function CancelEventPage({ ctx, event, errors = [] }: { ctx: PageContext; event: Event; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('events.cancelEvent.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('events.cancelEvent.title')} />
      <BackLink href={adminEventPath(event.id)} text={event.title} />
      <DataList
        items={[
          { label: t('events.col.title'), value: <span safe>{event.title}</span> },
          { label: t('events.field.when'), value: <span safe>{eventWhen(lang, event)}</span> },
          {
            label: t('events.admin.col.registrations'),
            value: (
              <span safe>
                {t('events.admin.registrations', {
                  placed: formatNumber(lang, event.placed),
                  capacity: formatNumber(lang, event.capacity),
                  waiting: formatNumber(lang, event.waiting),
                })}
              </span>
            ),
          },
        ]}
      />
      <Form action={`${adminEventPath(event.id)}/afgelasten`} csrfToken={ctx.csrfToken}>
        <TextParagraph text={t('events.cancelEvent.explain')} />
        <CheckboxField id="bevestigd" name="bevestigd" label={t('events.cancelEvent.confirm')} error={errorFor(errors, 'bevestigd')} />
        <Button appearance="secondary">{Html.escapeHtml(t('events.cancelEvent.button'))}</Button>
      </Form>
    </Layout>
  );
}

const schoolOf = (t: PageContext['t'], r: Registration) => (r.schoolName ? `${r.schoolName} (${r.brin})` : t('events.attendance.noSchool'));

/** Who has a place (to tick present) and who waits, with what they stated; the list as CSV. */
export function AttendancePage({
  ctx,
  event,
  placed,
  waiting,
  notice,
}: {
  ctx: PageContext;
  event: Event;
  placed: Registration[];
  waiting: Registration[];
  notice?: string;
}) {
  const { t, lang } = ctx;
  const title = t('events.attendance.title', { title: event.title });
  const base = `${adminEventPath(event.id)}/aanwezigheid`;
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <Notice message={notice} />
      <BackLink href={adminEventPath(event.id)} text={event.title} />
      <DataList
        items={[
          { label: t('events.field.when'), value: <span safe>{eventWhen(lang, event)}</span> },
          { label: t('events.field.where'), value: <span safe>{eventWhere(t('events.online'), event)}</span> },
          { label: t('events.field.audience'), value: <span safe>{audienceText(t, event.audience)}</span> },
        ]}
      />
      <TextParagraph text={t('events.attendance.privacy')} />
      <Paragraph>
        <a class="utrecht-link" href={`${base}.csv`} download="" safe>
          {t('events.attendance.csv')}
        </a>
      </Paragraph>
      <h2 class="utrecht-heading-2" safe>
        {t('events.attendance.placed', { count: placed.length })}
      </h2>
      {placed.length === 0 ? (
        <TextParagraph text={t('events.attendance.none')} />
      ) : (
        <Form action={base} csrfToken={ctx.csrfToken}>
          <Table
            caption={t('events.attendance.caption')}
            captionHidden
            rows={placed}
            columns={[
              {
                header: t('events.attendance.col.present'),
                cell: (r) => (
                  <input
                    class="utrecht-checkbox utrecht-checkbox--html-input"
                    type="checkbox"
                    name="aanwezig"
                    value={r.id}
                    checked={r.presentAt !== null}
                    aria-label={t('events.attendance.presentOf', { name: r.name })}
                    title={r.presentAt ? `${r.presentByLabel ?? ''}, ${formatDateTime(lang, r.presentAt)}` : undefined}
                  />
                ),
              },
              { header: t('events.attendance.col.name'), cell: (r) => <span safe>{r.name}</span> },
              { header: t('events.attendance.col.email'), cell: (r) => <span safe>{r.email}</span> },
              { header: t('events.attendance.col.role'), cell: (r) => <span safe>{roleLabel(t, r.role)}</span> },
              { header: t('events.attendance.col.school'), cell: (r) => <span safe>{schoolOf(t, r)}</span> },
              { header: t('events.attendance.col.setting'), cell: (r) => <span safe>{settingLabel(t, r.setting)}</span> },
            ]}
          />
          {event.cancelledAt ? '' : <Button>{Html.escapeHtml(t('events.attendance.save'))}</Button>}
        </Form>
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('events.attendance.waiting', { count: waiting.length })}
      </h2>
      {waiting.length === 0 ? (
        <TextParagraph text={t('events.attendance.noneWaiting')} />
      ) : (
        <Table
          caption={t('events.attendance.captionWaiting')}
          captionHidden
          rows={waiting.map((r, i) => ({ ...r, position: i + 1 }))}
          columns={[
            { header: t('events.attendance.col.position'), numeric: true, cell: (r) => <span safe>{String(r.position)}</span> },
            { header: t('events.attendance.col.name'), cell: (r) => <span safe>{r.name}</span> },
            { header: t('events.attendance.col.email'), cell: (r) => <span safe>{r.email}</span> },
            { header: t('events.attendance.col.role'), cell: (r) => <span safe>{roleLabel(t, r.role)}</span> },
            { header: t('events.attendance.col.school'), cell: (r) => <span safe>{schoolOf(t, r)}</span> },
            { header: t('events.attendance.col.setting'), cell: (r) => <span safe>{settingLabel(t, r.setting)}</span> },
          ]}
        />
      )}
    </Layout>
  );
}
