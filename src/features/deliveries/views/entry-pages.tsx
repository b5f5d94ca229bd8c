import Html from '@kitajs/html';
import { parseDate } from '../../../platform/dates/calendar.ts';
import { formatDay } from '../../../platform/i18n.ts';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { RadioGroup, SelectField, TextField } from '../../../ui/components/form-field.tsx';
import { DataList, Paragraph } from '../../../ui/components/table.tsx';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { appointmentBasisLabel, functionLabel } from '../../register/index.ts';
import type { Message } from '../delivery-format.rules.ts';
import { appointmentBases, functions } from '../delivery-format.rules.ts';
import type { DeliveryRecord } from '../deliveries.service.ts';
import { bsnAsShown, entryFields, entryMutations, type Entry, type EntryField, type EntryMutation } from '../entry.rules.ts';
import type { EntryLocation, EntrySchool } from '../entry.service.ts';
import { translateRowMessage } from '../row-messages.ts';
import { AppliedSummary, changedAnything, deliveriesPath, entryPath, type BoardView } from './delivery-pages.tsx';

/** The form for one employment of the board: a change or an end, opened from the staff list or a dispute. */
export type FixedEmployment = { employmentId: string; name: string; mutation: Exclude<EntryMutation, 'NIEUW'>; locked: EntryField[] };

/** What the form holds between its steps: the values typed, and the employment it is for, if any. */
export type EntryState = { values: Entry; fixed?: FixedEmployment };

export type EntryChoices = { schools: EntrySchool[]; locations: EntryLocation[] };

const personFields: EntryField[] = ['personeelsnummer', 'bsn', 'voorletters', 'voornamen', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'email'];
const employmentFields: EntryField[] = ['instellingscode', 'vestigingscode', 'functie', 'benoemingsgrondslag', 'begindatum', 'einddatum', 'werktijdfactor'];

const mutationOf = (state: EntryState): string => state.fixed?.mutation ?? state.values.mutatie;

/** A value as a person reads it: a school and a location by name, codes by their label, a date in words, a BSN never whole. */
function shown(ctx: PageContext, choices: EntryChoices, field: EntryField, raw: string): string {
  const value = raw.trim();
  if (value === '') return ctx.t('entry.check.none');
  switch (field) {
    case 'bsn':
      return bsnAsShown(value);
    case 'instellingscode': {
      const school = choices.schools.find((s) => s.brin === value.toUpperCase());
      return school ? `${school.name} (${school.brin})` : value;
    }
    case 'vestigingscode': {
      const location = choices.locations.find((l) => l.code === value.toUpperCase());
      return location ? `${location.name} (${location.code})` : value;
    }
    case 'functie':
      return functionLabel(ctx.t, value.toUpperCase());
    case 'benoemingsgrondslag':
      return appointmentBasisLabel(ctx.t, value.toUpperCase());
    case 'mutatie':
      return (entryMutations as readonly string[]).includes(value.toUpperCase()) ? ctx.t(`entry.kind.${value.toUpperCase() as EntryMutation}`) : value;
    case 'geboortedatum':
    case 'begindatum':
    case 'einddatum': {
      const day = parseDate(value);
      return day ? formatDay(ctx.lang, day) : value;
    }
    default:
      return value;
  }
}

const closedOr = (ctx: PageContext, label: string, closed: boolean) => (closed ? ctx.t('entry.closed', { name: label }) : label);

/** The input of one field, labelled, with its hint and its message from the check. */
function EntryInput({
  ctx,
  choices,
  field,
  value,
  error,
  staffNumberHidden,
}: {
  ctx: PageContext;
  choices: EntryChoices;
  field: EntryField;
  value: string;
  error?: string;
  staffNumberHidden: boolean;
}) {
  const { t } = ctx;
  const common = { id: field, name: field, label: t(`entry.${field}`), value, error };
  switch (field) {
    case 'instellingscode':
      return (
        <SelectField
          {...common}
          value={value.toUpperCase()}
          options={[
            { value: '', label: t('entry.instellingscode.choose') },
            ...choices.schools.map((s) => ({ value: s.brin, label: closedOr(ctx, `${s.name} (${s.brin})`, s.closed) })),
          ]}
        />
      );
    case 'vestigingscode':
      return (
        <SelectField
          {...common}
          value={value.toUpperCase()}
          options={[
            { value: '', label: t('entry.vestigingscode.none') },
            ...choices.locations.map((l) => ({ value: l.code, label: closedOr(ctx, `${l.code} · ${l.name}${l.place ? `, ${l.place}` : ''}`, l.closed) })),
          ]}
        />
      );
    case 'functie':
      return (
        <SelectField
          {...common}
          value={value.toUpperCase()}
          options={[{ value: '', label: t('entry.functie.choose') }, ...functions.map((f) => ({ value: f, label: functionLabel(t, f) }))]}
        />
      );
    case 'benoemingsgrondslag':
      return (
        <SelectField
          {...common}
          value={value.toUpperCase()}
          hint={t('entry.benoemingsgrondslag.hint')}
          options={[
            { value: '', label: t('entry.benoemingsgrondslag.none') },
            ...appointmentBases.map((b) => ({ value: b, label: appointmentBasisLabel(t, b) })),
          ]}
        />
      );
    case 'personeelsnummer':
      return <TextField {...common} hint={staffNumberHidden ? t('entry.personeelsnummer.hidden') : t('entry.personeelsnummer.hint')} autocomplete="off" />;
    case 'bsn':
      return <TextField {...common} hint={t('entry.bsn.hint')} autocomplete="off" attrs={{ inputmode: 'numeric', spellcheck: 'false' }} />;
    case 'voorletters':
      return <TextField {...common} hint={t('entry.voorletters.hint')} autocomplete="off" />;
    case 'tussenvoegsel':
      return <TextField {...common} hint={t('entry.tussenvoegsel.hint')} autocomplete="off" />;
    case 'achternaam':
      return <TextField {...common} hint={t('entry.achternaam.hint')} autocomplete="off" />;
    case 'geboortedatum':
      return <TextField {...common} hint={t('entry.date.hint', { example: '27-03-1985' })} autocomplete="off" />;
    case 'begindatum':
      return <TextField {...common} hint={t('entry.date.hint', { example: '01-08-2024' })} autocomplete="off" />;
    case 'einddatum':
      return <TextField {...common} hint={t('entry.einddatum.hint')} autocomplete="off" />;
    case 'email':
      return <TextField {...common} type="email" hint={t('entry.email.hint')} autocomplete="off" attrs={{ spellcheck: 'false' }} />;
    case 'werktijdfactor':
      return <TextField {...common} hint={t('entry.werktijdfactor.hint')} autocomplete="off" attrs={{ inputmode: 'decimal' }} />;
    default:
      return <TextField {...common} autocomplete="off" />;
  }
}

/** Every value as a hidden field, and what the form is for: the next step posts it all back. */
function StateFields({ state, only }: { state: EntryState; only?: readonly EntryField[] }) {
  const { fixed } = state;
  return (
    <>
      {(only ?? entryFields).map((f) => (
        <HiddenField name={f} value={state.values[f]} />
      ))}
      {fixed ? (
        <>
          <HiddenField name="dienstverband" value={fixed.employmentId} />
          <HiddenField name="naam" value={fixed.name} />
          <HiddenField name="vast" value={fixed.locked.join(',')} />
          {only ? <HiddenField name="mutatie" value={fixed.mutation} /> : ''}
        </>
      ) : (
        ''
      )}
    </>
  );
}

const titleOf = (ctx: PageContext, state: EntryState) =>
  state.fixed ? ctx.t(`entry.title.${state.fixed.mutation}`, { name: state.fixed.name }) : ctx.t('entry.title.NIEUW');

/**
 * The entry screen: one row of the aanleverformaat as a form. For one employment (a change or an end)
 * the fields that say which employment it is are facts, not inputs; their messages still reach the
 * error summary, which links to them.
 */
export function EntryFormPage({
  ctx,
  board,
  choices,
  state,
  errors = [],
  staffNumberHidden = false,
  sendFailed = false,
}: {
  ctx: PageContext;
  board: BoardView;
  choices: EntryChoices;
  state: EntryState;
  errors?: FieldError[];
  staffNumberHidden?: boolean;
  sendFailed?: boolean;
}) {
  const { t } = ctx;
  const title = titleOf(ctx, state);
  const { fixed, values } = state;
  const locked = new Set<EntryField>(fixed ? [...fixed.locked, 'mutatie'] : []);
  const editable = (fields: EntryField[]) => fields.filter((f) => !locked.has(f) && !(fixed?.mutation === 'EINDE' && f === 'bsn'));
  const input = (f: EntryField) => (
    <EntryInput ctx={ctx} choices={choices} field={f} value={values[f]} error={errorFor(errors, f)} staffNumberHidden={staffNumberHidden} />
  );
  const section = (heading: string, fields: EntryField[]) =>
    editable(fields).length === 0 ? (
      ''
    ) : (
      <>
        <h2 class="utrecht-heading-2" safe>
          {heading}
        </h2>
        {editable(fields).map(input)}
      </>
    );
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      {sendFailed ? (
        <Alert type="error">
          <span safe>{t('entry.error.sent')}</span>
        </Alert>
      ) : (
        ''
      )}
      <TextParagraph text={t('entry.intro')} />
      <Paragraph>
        <a class="utrecht-link" href={deliveriesPath(board)} safe>
          {t('entry.fromFile')}
        </a>
      </Paragraph>
      <Form action={entryPath(board)} csrfToken={ctx.csrfToken}>
        {fixed ? (
          <>
            <h2 class="utrecht-heading-2" safe>
              {t('entry.fixed')}
            </h2>
            <TextParagraph text={t(`entry.fixed.${fixed.mutation}`)} />
            <DataList
              items={[
                {
                  label: t('entry.kind'),
                  value: (
                    <span id="mutatie" safe>
                      {t(`entry.kind.${fixed.mutation}`)}
                    </span>
                  ),
                },
                ...fixed.locked
                  .filter((f) => values[f].trim() !== '' || errorFor(errors, f))
                  .map((f) => ({
                    label: t(`entry.${f}`),
                    value: (
                      <>
                        <span id={f} safe>
                          {shown(ctx, choices, f, values[f])}
                        </span>
                        {errorFor(errors, f) ? (
                          <p class="utrecht-form-field-error-message" safe>
                            {errorFor(errors, f)!}
                          </p>
                        ) : (
                          ''
                        )}
                      </>
                    ),
                  })),
              ]}
            />
            {errorFor(errors, 'mutatie') ? (
              <p class="utrecht-form-field-error-message" safe>
                {errorFor(errors, 'mutatie')!}
              </p>
            ) : (
              ''
            )}
            <StateFields state={state} only={fixed.locked} />
          </>
        ) : (
          <RadioGroup
            id="mutatie"
            name="mutatie"
            label={t('entry.mutatie')}
            value={values.mutatie.toUpperCase()}
            error={errorFor(errors, 'mutatie')}
            options={entryMutations.map((m) => ({ value: m, label: t(`entry.mutatie.${m}`), hint: t(`entry.mutatie.${m}.hint`) }))}
          />
        )}
        {section(t('entry.person'), personFields)}
        {section(t('entry.employment'), employmentFields)}
        <Button>{Html.escapeHtml(t('entry.continue'))}</Button>
      </Form>
    </Layout>
  );
}

/** The warnings of the check, in the reader's language (the file's own messages). */
function Warnings({ ctx, messages }: { ctx: PageContext; messages: Message[] }) {
  if (messages.length === 0) return '';
  return (
    <Alert type="warning">
      <strong safe>{ctx.t('entry.check.warnings')}</strong>
      <ul class="utrecht-unordered-list">
        {messages.map((m) => (
          <li class="utrecht-unordered-list__item" safe>
            {translateRowMessage(ctx.t, m.melding)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** "Check your answers": every value as it will be delivered, the check's warnings, then send or go back to change. */
export function EntryCheckPage({
  ctx,
  board,
  choices,
  state,
  warnings,
}: {
  ctx: PageContext;
  board: BoardView;
  choices: EntryChoices;
  state: EntryState;
  warnings: Message[];
}) {
  const { t } = ctx;
  const title = t('entry.check.title');
  const mutation = mutationOf(state);
  const fields = [...personFields, ...employmentFields].filter((f) => !(mutation.toUpperCase() === 'EINDE' && f === 'bsn'));
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <TextParagraph text={t('entry.check.intro')} />
      <Warnings ctx={ctx} messages={warnings} />
      <DataList
        items={[
          { label: t('entry.kind'), value: <span safe>{shown(ctx, choices, 'mutatie', mutation)}</span> },
          ...fields.map((f) => ({ label: t(`entry.${f}`), value: <span safe>{shown(ctx, choices, f, state.values[f])}</span> })),
        ]}
      />
      <Form action={`${entryPath(board)}/versturen`} csrfToken={ctx.csrfToken}>
        <StateFields state={state} />
        <Button>{Html.escapeHtml(t('entry.send'))}</Button>{' '}
        <button class="utrecht-button utrecht-button--secondary-action" type="submit" formaction={entryPath(board)} name="actie" value="wijzigen">
          {Html.escapeHtml(t('entry.change'))}
        </button>
      </Form>
    </Layout>
  );
}

/** After sending: what the register did with the row, its warnings, and the ways on. */
export function EntryResultPage({ ctx, board, delivery, messages }: { ctx: PageContext; board: BoardView; delivery: DeliveryRecord; messages: Message[] }) {
  const { t } = ctx;
  const applied = delivery.status === 'verwerkt';
  const title = applied ? t('entry.result.title.verwerkt') : t('entry.result.title.other');
  const deliveryUrl = `${deliveriesPath(board)}/${delivery.id}`;
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <Alert type={applied ? 'ok' : 'info'}>
        <span safe>{applied ? t('entry.result.verwerkt') : t('entry.result.pending')}</span>
      </Alert>
      {applied && !changedAnything(delivery) ? <TextParagraph text={t('entry.result.nothing')} /> : ''}
      <DataList items={[{ label: t('delivery.status'), value: <span safe>{t(`delivery.status.${delivery.status}`)}</span> }]} />
      {applied ? <AppliedSummary ctx={ctx} delivery={delivery} /> : ''}
      <Warnings ctx={ctx} messages={messages} />
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={deliveryUrl} safe>
            {t('entry.result.delivery')}
          </a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={entryPath(board)} safe>
            {t('entry.result.another')}
          </a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={`/beheer/bestuur/${board.id}/personeel`} safe>
            {t('entry.result.staff')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}
