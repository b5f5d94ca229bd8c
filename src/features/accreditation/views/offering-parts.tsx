import { formatDate, formatDateTime, formatDay } from '../../../platform/i18n.ts';
import type { FieldError } from '../../../ui/components/error-summary.tsx';
import { CheckboxField, CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { DataList, Table } from '../../../ui/components/table.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { Offering, OfferingEventLine } from '../accreditation.service.ts';
import { eurosText, offeringFormats, offeringKinds, type FrameworkChoice, type OfferingForm } from '../offering.rules.ts';

export const providersPath = '/beheer/aanbieders';
export const commissionPath = '/beheer/accreditatie';
export const offeringsPath = (organisation: { kind: string; id: string }) => `/beheer/${organisation.kind}/${organisation.id}/aanbod`;
export const ownOfferingPath = (o: Offering) => `${offeringsPath({ kind: o.organisationKind, id: o.organisationId })}/${o.id}`;

/** A text someone typed, its line breaks kept. */
export function MultiLine({ text }: { text: string }) {
  return (
    <>
      {text.split(/\r?\n/).map((line, i) => (
        <>
          {i > 0 ? <br /> : ''}
          <span safe>{line}</span>
        </>
      ))}
    </>
  );
}

/** The fields of an offering, for submitting it and for changing it with an answer. */
export function OfferingFields({
  ctx,
  values,
  errors,
  framework,
}: {
  ctx: PageContext;
  values: OfferingForm;
  errors: FieldError[];
  framework: FrameworkChoice;
}) {
  const { t } = ctx;
  const error = (field: keyof OfferingForm) => errors.find((e) => e.field === field)?.message;
  const kinds = [{ value: '', label: t('registration.form.choose') }, ...offeringKinds.map((k) => ({ value: k, label: t(`accreditation.kind.${k}`) }))];
  const version = t('accreditation.form.frameworkVersion', { version: framework.version });
  // the names an offering already has stay choosable when a new framework version dropped them
  const themes = [...new Set([...framework.themes, ...values.themas])];
  const competencies = [...new Set([...framework.competencies, ...values.competenties])];
  return (
    <>
      <TextField id="titel" name="titel" label={t('accreditation.form.title')} value={values.titel} error={error('titel')} />
      <TextAreaField
        id="omschrijving"
        name="omschrijving"
        label={t('accreditation.form.description')}
        hint={t('accreditation.form.descriptionHint')}
        value={values.omschrijving}
        error={error('omschrijving')}
        rows={6}
      />
      <TextAreaField
        id="leerdoelen"
        name="leerdoelen"
        label={t('accreditation.form.goals')}
        hint={t('accreditation.form.goalsHint')}
        value={values.leerdoelen}
        error={error('leerdoelen')}
        rows={4}
      />
      <SelectField id="soort" name="soort" label={t('accreditation.form.kind')} value={values.soort} options={kinds} error={error('soort')} />
      <RadioGroup
        id="vorm"
        name="vorm"
        label={t('accreditation.form.format')}
        value={values.vorm}
        error={error('vorm')}
        options={offeringFormats.map((f) => ({ value: f, label: t(`accreditation.format.${f}`) }))}
      />
      <CheckboxGroup
        id="themas"
        name="themas"
        label={t('accreditation.form.themes')}
        hint={version}
        options={themes}
        checked={values.themas}
        error={error('themas')}
      />
      <CheckboxGroup
        id="competenties"
        name="competenties"
        label={t('accreditation.form.competencies')}
        hint={version}
        options={competencies}
        checked={values.competenties}
        error={error('competenties')}
      />
      <TextField
        id="studielast"
        name="studielast"
        label={t('accreditation.form.hours')}
        hint={t('accreditation.form.hoursHint')}
        value={values.studielast}
        error={error('studielast')}
        attrs={{ inputmode: 'decimal' }}
      />
      <CheckboxField id="primairProces" name="primairProces" label={t('accreditation.form.primary')} checked={values.primairProces === 'ja'} />
      <CheckboxField id="master" name="master" label={t('accreditation.form.master')} checked={values.master === 'ja'} />
      <TextField
        id="prijs"
        name="prijs"
        label={t('accreditation.form.price')}
        hint={t('accreditation.form.priceHint')}
        value={values.prijs}
        error={error('prijs')}
        attrs={{ inputmode: 'decimal' }}
      />
      <TextField
        id="contactNaam"
        name="contactNaam"
        label={t('accreditation.form.contactName')}
        value={values.contactNaam}
        error={error('contactNaam')}
        autocomplete="name"
      />
      <TextField
        id="contactEmail"
        name="contactEmail"
        type="email"
        label={t('accreditation.form.contactEmail')}
        hint={t('accreditation.form.contactEmailHint')}
        value={values.contactEmail}
        error={error('contactEmail')}
        autocomplete="email"
      />
    </>
  );
}

const yesNo = (ctx: PageContext, value: boolean) => ctx.t(value ? 'accreditation.one.yes' : 'accreditation.one.no');
const listOrNone = (ctx: PageContext, items: string[]) => (items.length > 0 ? items.join(', ') : ctx.t('accreditation.one.none'));

/** Everything the organisation submitted, as the commission and the organisation read it. */
export function OfferingDetails({ ctx, offering }: { ctx: PageContext; offering: Offering }) {
  const { t, lang } = ctx;
  const o = offering;
  return (
    <DataList
      items={[
        { label: t('accreditation.one.status'), value: <strong safe>{t(`accreditation.status.${o.status}`)}</strong> },
        { label: t('accreditation.one.organisation'), value: <span safe>{o.organisationName}</span> },
        {
          label: t('accreditation.col.submitted'),
          value: <span safe>{t('accreditation.one.submittedBy', { date: formatDate(lang, o.createdAt), name: o.submittedByLabel })}</span>,
        },
        { label: t('accreditation.form.kind'), value: <span safe>{t(`accreditation.kind.${o.activityKind}`)}</span> },
        { label: t('accreditation.form.format'), value: <span safe>{t(`accreditation.format.${o.format}`)}</span> },
        { label: t('accreditation.form.hours'), value: <span safe>{t('accreditation.one.hours', { hours: o.studyLoadHours })}</span> },
        { label: t('accreditation.form.primary'), value: <span safe>{yesNo(ctx, o.primaryProcess)}</span> },
        { label: t('accreditation.form.master'), value: <span safe>{yesNo(ctx, o.master)}</span> },
        { label: t('accreditation.form.price'), value: <span safe>{t('accreditation.one.price', { price: eurosText(o.priceCents) })}</span> },
        { label: t('accreditation.form.themes'), value: <span safe>{listOrNone(ctx, o.themes)}</span> },
        { label: t('accreditation.form.competencies'), value: <span safe>{listOrNone(ctx, o.competencies)}</span> },
        { label: t('accreditation.one.contact'), value: <span safe>{`${o.contactName} <${o.contactEmail}>`}</span> },
        { label: t('accreditation.form.description'), value: <MultiLine text={o.description} /> },
        { label: t('accreditation.form.goals'), value: <MultiLine text={o.learningGoals} /> },
      ]}
    />
  );
}

/** The commission's decision, once there is one. */
export function DecisionDetails({ ctx, offering }: { ctx: PageContext; offering: Offering }) {
  const { t, lang } = ctx;
  const o = offering;
  if (o.status !== 'geaccrediteerd' && o.status !== 'afgewezen') return '';
  const accredited =
    o.status === 'geaccrediteerd'
      ? [
          { label: t('accreditation.one.points'), value: <span safe>{t('accreditation.one.pointsValue', { points: o.accreditedPoints ?? 0 })}</span> },
          { label: t('accreditation.one.accreditedThemes'), value: <span safe>{listOrNone(ctx, o.accreditedThemes ?? [])}</span> },
          {
            label: t('accreditation.one.validity'),
            value: <span safe>{t('accreditation.one.validityValue', { from: o.validFrom ?? '', until: o.validUntil ?? '' })}</span>,
          },
        ]
      : [];
  return (
    <section aria-labelledby="besluit-titel">
      <h2 class="utrecht-heading-2" id="besluit-titel" safe>
        {t('accreditation.one.decision')}
      </h2>
      <DataList
        items={[
          { label: t('accreditation.one.status'), value: <strong safe>{t(`accreditation.status.${o.status}`)}</strong> },
          ...accredited,
          { label: t('accreditation.one.decidedOn'), value: <span>{o.decidedOn ? formatDay(lang, o.decidedOn) : ''}</span> },
          { label: t('accreditation.one.motivation'), value: <MultiLine text={o.decisionMotivation ?? ''} /> },
        ]}
      />
    </section>
  );
}

/** Every step of the review with who took it and what they wrote. */
export function History({ ctx, events }: { ctx: PageContext; events: OfferingEventLine[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="verloop-titel">
      <h2 class="utrecht-heading-2" id="verloop-titel" safe>
        {t('accreditation.one.history')}
      </h2>
      <Table
        caption={t('accreditation.one.historyCaption')}
        captionHidden
        rows={events}
        columns={[
          { header: t('accreditation.one.col.when'), cell: (e) => <span safe>{formatDateTime(lang, e.createdAt)}</span> },
          { header: t('accreditation.one.col.step'), cell: (e) => <span safe>{t(`accreditation.status.${e.toStatus}`)}</span> },
          { header: t('accreditation.one.col.by'), cell: (e) => <span safe>{e.byLabel}</span> },
          { header: t('accreditation.one.col.message'), cell: (e) => <MultiLine text={e.message ?? ''} /> },
        ]}
      />
    </section>
  );
}
