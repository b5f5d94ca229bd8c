import Html from '@kitajs/html';
import { formatDateTime, formatNumber, translateMessage, type Message } from '../../../platform/i18n.ts';
import type { OrganisationRef } from '../../../platform/auth/roles.ts';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { CheckboxField, FileField, RadioGroup, SelectField, TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { DataList, Table } from '../../../ui/components/table.tsx';
import { BackLink, Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { provinces, runCancellable, type RunForm } from '../catalogue.rules.ts';
import type { LineResult, Offering, Participant, Run } from '../catalogue.service.ts';
import { readableDate, runWhen, runWhere } from './format.ts';

export const offeringAdminPath = (org: OrganisationRef, offeringId: string) => `/beheer/${org.kind}/${org.id}/aanbod/${offeringId}`;
export const runsPath = (org: OrganisationRef, offeringId: string) => `${offeringAdminPath(org, offeringId)}/uitvoeringen`;
export const runPath = (org: OrganisationRef, offeringId: string, runId: string) => `${runsPath(org, offeringId)}/${runId}`;

export const emptyRunForm: RunForm = { datum: '', begintijd: '', eindtijd: '', vorm: 'locatie', plaats: '', provincie: '', capaciteit: '' };

type RunsProps = {
  ctx: PageContext;
  organisation: OrganisationRef;
  offering: Offering;
  runs: Run[];
  open: { open: true } | { open: false; reason: Message };
  values?: RunForm;
  errors?: FieldError[];
  notice?: string;
};

/** An accredited offering's runs for its organisation's staff: each with its attendance, and the form to add one. */
export function RunsPage({ ctx, organisation, offering, runs, open, values = emptyRunForm, errors = [], notice }: RunsProps) {
  const { t, lang } = ctx;
  const title = t('runs.title', { title: offering.title });
  const base = runsPath(organisation, offering.id);
  const statusOf = (r: Run) => (r.cancelledAt ? t('runs.cancelled') : t('runs.planned'));
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <Notice message={notice} />
      <BackLink href={offeringAdminPath(organisation, offering.id)} text={t('runs.backToOffering')} />
      <DataList
        items={[
          { label: t('catalogue.field.provider'), value: <span safe>{offering.organisationName}</span> },
          { label: t('catalogue.field.points'), value: <span safe>{String(offering.accreditedPoints ?? '—')}</span> },
          {
            label: t('catalogue.field.validity'),
            value: (
              <span safe>{t('catalogue.validity', { from: readableDate(lang, offering.validFrom), until: readableDate(lang, offering.validUntil) })}</span>
            ),
          },
        ]}
      />
      <h2 class="utrecht-heading-2" safe>
        {t('runs.list')}
      </h2>
      {runs.length === 0 ? (
        <TextParagraph text={t('runs.none')} />
      ) : (
        <Table
          caption={t('runs.caption')}
          captionHidden
          rows={runs}
          columns={[
            { header: t('runs.col.when'), cell: (r) => <span safe>{runWhen(lang, r)}</span> },
            { header: t('runs.col.where'), cell: (r) => <span safe>{runWhere(t, r)}</span> },
            { header: t('runs.col.capacity'), numeric: true, cell: (r) => <span safe>{formatNumber(lang, r.capacity)}</span> },
            { header: t('runs.col.status'), cell: (r) => <span safe>{statusOf(r)}</span> },
            {
              header: t('runs.col.attendance'),
              cell: (r) => (
                <a class="utrecht-link" href={`${runPath(organisation, offering.id, r.id)}/presentie`}>
                  <span safe>{t('runs.attendanceLink', { count: r.attendanceCount })}</span>
                  <span class="br-visually-hidden" safe>{` (${runWhen(lang, r)})`}</span>
                </a>
              ),
            },
            {
              header: t('runs.col.actions'),
              cell: (r) =>
                runCancellable(r).ok ? (
                  <a class="utrecht-link" href={`${runPath(organisation, offering.id, r.id)}/annuleren`}>
                    <span safe>{t('runs.cancelLink')}</span>
                    <span class="br-visually-hidden" safe>{` (${runWhen(lang, r)})`}</span>
                  </a>
                ) : (
                  <span>—</span>
                ),
            },
          ]}
        />
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('runs.add')}
      </h2>
      {!open.open ? (
        <Alert type="warning">
          <span safe>{translateMessage(lang, open.reason)}</span>
        </Alert>
      ) : (
        <Form action={base} csrfToken={ctx.csrfToken}>
          <TextField
            id="datum"
            name="datum"
            label={t('runs.form.date')}
            hint={t('runs.form.dateHint')}
            value={values.datum}
            error={errorFor(errors, 'datum')}
          />
          <TextField
            id="begintijd"
            name="begintijd"
            label={t('runs.form.start')}
            hint={t('runs.form.timeHint')}
            value={values.begintijd}
            error={errorFor(errors, 'begintijd')}
          />
          <TextField
            id="eindtijd"
            name="eindtijd"
            label={t('runs.form.end')}
            hint={t('runs.form.timeHint')}
            value={values.eindtijd}
            error={errorFor(errors, 'eindtijd')}
          />
          <RadioGroup
            id="vorm"
            name="vorm"
            label={t('runs.form.kind')}
            value={values.vorm}
            error={errorFor(errors, 'vorm')}
            options={[
              { value: 'locatie', label: t('runs.form.kind.locatie') },
              { value: 'online', label: t('runs.form.kind.online') },
            ]}
          />
          <TextField
            id="plaats"
            name="plaats"
            label={t('runs.form.place')}
            hint={t('runs.form.placeHint')}
            value={values.plaats}
            error={errorFor(errors, 'plaats')}
          />
          <SelectField
            id="provincie"
            name="provincie"
            label={t('runs.form.province')}
            hint={t('runs.form.provinceHint')}
            value={values.provincie}
            error={errorFor(errors, 'provincie')}
            options={[{ value: '', label: t('runs.form.choose') }, ...provinces.map((p) => ({ value: p, label: p }))]}
          />
          <TextField
            id="capaciteit"
            name="capaciteit"
            label={t('runs.form.capacity')}
            hint={t('runs.form.capacityHint')}
            value={values.capaciteit}
            error={errorFor(errors, 'capaciteit')}
            attrs={{ inputmode: 'numeric' }}
          />
          <Button>{Html.escapeHtml(t('runs.form.save'))}</Button>
        </Form>
      )}
    </Layout>
  );
}

type CancelProps = { ctx: PageContext; organisation: OrganisationRef; offering: Offering; run: Run; errors?: FieldError[] };

/** The confirmation before a run is cancelled; a run with attendance cannot be. */
export function CancelRunPage({ ctx, organisation, offering, run, errors = [] }: CancelProps) {
  const { t, lang } = ctx;
  const title = t('runs.cancel.title');
  const allowed = runCancellable(run);
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <BackLink href={runsPath(organisation, offering.id)} text={t('runs.back')} />
      <DataList
        items={[
          { label: t('runs.field.offering'), value: <span safe>{offering.title}</span> },
          { label: t('runs.col.when'), value: <span safe>{runWhen(lang, run)}</span> },
          { label: t('runs.col.where'), value: <span safe>{runWhere(t, run)}</span> },
        ]}
      />
      {!allowed.ok ? (
        <Alert type="warning">
          <span safe>{translateMessage(lang, allowed.reason)}</span>
        </Alert>
      ) : (
        <Form action={`${runPath(organisation, offering.id, run.id)}/annuleren`} csrfToken={ctx.csrfToken}>
          <TextParagraph text={t('runs.cancel.explain')} />
          <CheckboxField id="bevestigd" name="bevestigd" label={t('runs.cancel.confirm')} error={errorFor(errors, 'bevestigd')} />
          <Button appearance="secondary">{Html.escapeHtml(t('runs.cancel.button'))}</Button>
        </Form>
      )}
    </Layout>
  );
}

export type AttendanceReport = { results: LineResult[]; source: 'pagina' | 'csv' };

type AttendanceProps = {
  ctx: PageContext;
  organisation: OrganisationRef;
  offering: Offering;
  run: Run;
  participants: Participant[];
  open: { open: true } | { open: false; reason: Message };
  report?: AttendanceReport;
  /** what the textarea shows: the lines that were not recorded, to correct */
  numbers?: string;
  errors?: FieldError[];
};

function Report({ ctx, report }: { ctx: PageContext; report: AttendanceReport }) {
  const { t } = ctx;
  const count = (outcomes: string[]) => report.results.filter((r) => outcomes.includes(r.outcome)).length;
  const recorded = count(['geregistreerd']);
  const already = count(['al-geregistreerd']);
  const problems = report.results.length - recorded - already;
  const summary = t('attendance.report.summary', { recorded, already, problems });
  const lineHeader = report.source === 'csv' ? t('attendance.report.row') : t('attendance.report.line');
  return (
    <section aria-labelledby="verslag-titel">
      <h2 class="utrecht-heading-2" id="verslag-titel" safe>
        {t('attendance.report.title')}
      </h2>
      <Alert type={problems > 0 ? 'warning' : 'ok'}>
        <span safe>{summary}</span>
      </Alert>
      <Table
        caption={t('attendance.report.caption')}
        rows={report.results}
        columns={[
          { header: lineHeader, numeric: true, cell: (r) => <span safe>{String(r.line)}</span> },
          { header: t('attendance.col.number'), cell: (r) => <span safe>{r.value}</span> },
          { header: t('attendance.report.outcome'), cell: (r) => <span safe>{t(`attendance.outcome.${r.outcome}`, { line: r.firstLine ?? '' })}</span> },
        ]}
      />
    </section>
  );
}

/** Attendance of one run: who was recorded, and the forms to record more by register number or from a file. */
export function AttendancePage({ ctx, organisation, offering, run, participants, open, report, numbers = '', errors = [] }: AttendanceProps) {
  const { t, lang } = ctx;
  const title = t('attendance.title', { title: offering.title });
  const base = `${runPath(organisation, offering.id, run.id)}/presentie`;
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <BackLink href={runsPath(organisation, offering.id)} text={t('runs.back')} />
      <DataList
        items={[
          { label: t('runs.col.when'), value: <span safe>{runWhen(lang, run)}</span> },
          { label: t('runs.col.where'), value: <span safe>{runWhere(t, run)}</span> },
          { label: t('catalogue.field.points'), value: <span safe>{String(offering.accreditedPoints ?? '—')}</span> },
        ]}
      />
      {report ? <Report ctx={ctx} report={report} /> : ''}
      {!open.open ? (
        <Alert type="info">
          <span safe>{translateMessage(lang, open.reason)}</span>
        </Alert>
      ) : (
        <>
          <h2 class="utrecht-heading-2" safe>
            {t('attendance.record')}
          </h2>
          <TextParagraph text={t('attendance.explain')} />
          <Form action={base} csrfToken={ctx.csrfToken}>
            <TextAreaField
              id="registernummers"
              name="registernummers"
              label={t('attendance.form.numbers')}
              hint={t('attendance.form.numbersHint')}
              value={numbers}
              error={errorFor(errors, 'registernummers')}
              rows={6}
            />
            <Button>{Html.escapeHtml(t('attendance.form.save'))}</Button>
          </Form>
          <h2 class="utrecht-heading-2" safe>
            {t('attendance.file')}
          </h2>
          <Form action={`${base}/bestand`} csrfToken={ctx.csrfToken} attrs={{ enctype: 'multipart/form-data' }}>
            <FileField
              id="bestand"
              name="bestand"
              label={t('attendance.form.file')}
              hint={t('attendance.form.fileHint')}
              accept=".csv,text/csv"
              error={errorFor(errors, 'bestand')}
            />
            <Button>{Html.escapeHtml(t('attendance.form.upload'))}</Button>
          </Form>
        </>
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('attendance.participants', { count: participants.length })}
      </h2>
      {participants.length === 0 ? (
        <TextParagraph text={t('attendance.none')} />
      ) : (
        <Table
          caption={t('attendance.caption')}
          captionHidden
          rows={participants}
          columns={[
            { header: t('attendance.col.number'), cell: (p) => <span safe>{p.registerNumber}</span> },
            { header: t('attendance.col.name'), cell: (p) => <span safe>{p.name}</span> },
            { header: t('attendance.col.recorded'), cell: (p) => <span safe>{formatDateTime(lang, p.recordedAt)}</span> },
            {
              header: t('attendance.col.by'),
              cell: (p) => <span safe>{`${p.recordedByLabel} (${t(`attendance.source.${p.source as 'pagina' | 'csv' | 'api'}`)})`}</span>,
            },
          ]}
        />
      )}
    </Layout>
  );
}
