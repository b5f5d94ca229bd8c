import Html from '@kitajs/html';
import { formatDay, formatNumber, type Lang, type Translate } from '../../../platform/i18n.ts';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../../ui/components/form-field.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { DataList, Paragraph, Table, type Column } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { adminEventPath, eventKindLabel, eventKinds, eventWhen, type EventRecord } from '../../events/index.ts';
import { periods, type BacklogQuery } from '../feedback.rules.ts';
import {
  answerTopicsPath,
  backlogCsvPath,
  backlogPath,
  eventFeedbackPath,
  topicPath,
  topicsPath,
  type Answer,
  type Backlog,
  type BacklogRow,
  type Topic,
} from '../feedback.service.ts';

function BackLink({ href, text }: { href: string; text: string }) {
  return (
    <Paragraph>
      <a class="utrecht-link" href={href} safe>
        {text}
      </a>
    </Paragraph>
  );
}

const monthFormats: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
};
/** "2026-10" → "okt 2026" / "Oct 2026". */
export const monthLabel = (lang: Lang, month: string) => {
  const [y, m] = month.split('-').map(Number);
  return monthFormats[lang].format(new Date(Date.UTC(y, m - 1, 15)));
};

const ratingText = (t: Translate, rating: number) => t('feedback.answer.rating', { rating, label: t(`feedback.rating.${String(rating) as '1'}`) });

/** The open answers of one answer, as label and text; nothing for a question left empty. */
function AnswerTexts({ t, answer }: { t: Translate; answer: Answer }) {
  const items = [
    { label: t('feedback.form.valuable'), text: answer.valuable },
    { label: t('feedback.form.improve'), text: answer.improve },
    { label: t('feedback.form.other'), text: answer.other },
  ].filter((i) => i.text !== '');
  if (items.length === 0) return <TextParagraph text={t('feedback.answer.noText')} />;
  return (
    <DataList
      items={items.map((i) => ({
        label: i.label,
        value: (
          <span class="br-pre-line" safe>
            {i.text}
          </span>
        ),
      }))}
    />
  );
}

// ─── topics ──────────────────────────────────────────────────────────────────────────────────────

/** The topic list register staff keep: add one, rename, retire (offered no more, its tags stay) or bring one back. */
export function TopicsPage({
  ctx,
  topics,
  values = { naam: '' },
  errors = [],
  notice,
}: {
  ctx: PageContext;
  topics: Topic[];
  values?: { naam: string; field?: string };
  errors?: FieldError[];
  notice?: string;
}) {
  const { t, lang } = ctx;
  const title = t('feedback.topics.title');
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <Notice message={notice} />
      <BackLink href={backlogPath} text={t('feedback.backlog.title')} />
      <TextParagraph text={t('feedback.topics.intro')} />
      <h2 class="utrecht-heading-2" safe>
        {t('feedback.topics.add')}
      </h2>
      <Form action={topicsPath} csrfToken={ctx.csrfToken}>
        <TextField
          id="naam"
          name="naam"
          label={t('feedback.topics.name')}
          hint={t('feedback.topics.nameHint')}
          value={values.field ? '' : values.naam}
          error={errorFor(errors, 'naam')}
        />
        <Button>{Html.escapeHtml(t('feedback.topics.addButton'))}</Button>
      </Form>
      <h2 class="utrecht-heading-2" safe>
        {t('feedback.topics.list')}
      </h2>
      {topics.length === 0 ? (
        <TextParagraph text={t('feedback.topics.none')} />
      ) : (
        <ul class="br-cards">
          {topics.map((topic) => {
            const field = `naam-${topic.id}`;
            return (
              <li class="br-card" id={`onderwerp-${topic.id}`}>
                <h3 class="utrecht-heading-3 br-card__heading">
                  <span safe>{topic.name}</span>
                  {topic.retiredAt ? <span class="br-tag-closed" safe>{` ${t('feedback.topics.retiredTag')}`}</span> : ''}
                </h3>
                <p class="utrecht-paragraph br-card__status" safe>
                  {t(topic.answers === 1 ? 'feedback.topics.answers.one' : 'feedback.topics.answers.other', { count: formatNumber(lang, topic.answers) })}
                </p>
                <Form action={topicPath(topic.id)} csrfToken={ctx.csrfToken}>
                  <TextField
                    id={field}
                    name="naam"
                    label={t('feedback.topics.rename', { name: topic.name })}
                    value={values.field === field ? values.naam : topic.name}
                    error={errorFor(errors, field)}
                  />
                  <div class="utrecht-button-group">
                    <Button appearance="secondary" name="actie" value="hernoemen">
                      {Html.escapeHtml(t('feedback.topics.renameButton'))}
                    </Button>{' '}
                    {topic.retiredAt ? (
                      <Button appearance="secondary" name="actie" value="terugzetten">
                        {Html.escapeHtml(t('feedback.topics.restoreButton'))}
                      </Button>
                    ) : (
                      <Button appearance="secondary" name="actie" value="intrekken">
                        {Html.escapeHtml(t('feedback.topics.retireButton'))}
                      </Button>
                    )}
                  </div>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}

// ─── one event's answers ─────────────────────────────────────────────────────────────────────────

type EventFeedbackProps = {
  ctx: PageContext;
  event: EventRecord;
  counts: { invited: number; answered: number };
  answers: Answer[];
  topics: Topic[];
  errors?: FieldError[];
  /** the ticks as sent, for the answer whose form was refused */
  sent?: { answerId: string; topicIds: string[] };
  notice?: string;
};

/** An event's feedback for register staff: invited and answered, then each answer with the form that tags it with topics. */
export function EventFeedbackPage({ ctx, event, counts, answers, topics, errors = [], sent, notice }: EventFeedbackProps) {
  const { t, lang } = ctx;
  const title = t('feedback.event.title', { title: event.title });
  const active = topics.filter((topic) => !topic.retiredAt);
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <Notice message={notice} />
      <BackLink href={adminEventPath(event.id)} text={event.title} />
      <DataList
        items={[
          { label: t('feedback.event.when'), value: <span safe>{eventWhen(lang, event)}</span> },
          { label: t('feedback.event.kind'), value: <span safe>{eventKindLabel(t, event.kind)}</span> },
          {
            label: t('feedback.event.anonymity'),
            value: <span safe>{event.anonymousFeedback ? t('feedback.event.anonymous') : t('feedback.event.named')}</span>,
          },
          {
            label: t('feedback.event.response'),
            value: (
              <span safe>{t('feedback.event.counts', { invited: formatNumber(lang, counts.invited), answered: formatNumber(lang, counts.answered) })}</span>
            ),
          },
        ]}
      />
      {counts.invited === 0 ? <TextParagraph text={t('feedback.event.notInvited')} /> : ''}
      <Paragraph>
        <a class="utrecht-link" href={topicsPath} safe>
          {t('feedback.topics.title')}
        </a>
        {' · '}
        <a class="utrecht-link" href={backlogPath} safe>
          {t('feedback.backlog.title')}
        </a>
      </Paragraph>
      <h2 class="utrecht-heading-2" safe>
        {t('feedback.event.answers')}
      </h2>
      {answers.length === 0 ? <TextParagraph text={t('feedback.event.none')} /> : ''}
      {answers.length > 0 && active.length === 0 ? <TextParagraph text={t('feedback.event.noTopics')} /> : ''}
      {answers.map((answer, index) => {
        const field = `onderwerpen-${answer.id}`;
        const offered = topics.filter((topic) => !topic.retiredAt || answer.topicIds.includes(topic.id));
        const checked = sent?.answerId === answer.id ? sent.topicIds : answer.topicIds;
        return (
          <article class="br-card" id={`antwoord-${answer.id}`} aria-labelledby={`antwoord-${answer.id}-kop`}>
            <h3 class="utrecht-heading-3 br-card__heading" id={`antwoord-${answer.id}-kop`} safe>
              {t('feedback.answer.heading', { number: index + 1 })}
            </h3>
            <p class="utrecht-paragraph" safe>
              {[formatDay(lang, answer.answeredOn), ratingText(t, answer.rating), answer.anonymous ? t('feedback.answer.anonymous') : (answer.name ?? '')].join(
                ' · ',
              )}
            </p>
            <AnswerTexts t={t} answer={answer} />
            {offered.length > 0 ? (
              <Form action={answerTopicsPath(answer.id)} csrfToken={ctx.csrfToken}>
                <CheckboxGroup
                  id={field}
                  name="onderwerp"
                  label={t('feedback.answer.topics', { number: index + 1 })}
                  error={errorFor(errors, field)}
                  options={offered.map((topic) => ({
                    value: topic.id,
                    label: topic.retiredAt ? `${topic.name} (${t('feedback.topics.retiredTag')})` : topic.name,
                  }))}
                  checked={checked}
                />
                <Button appearance="secondary">{Html.escapeHtml(t('feedback.answer.save'))}</Button>
              </Form>
            ) : (
              ''
            )}
          </article>
        );
      })}
    </Layout>
  );
}

// ─── the backlog ─────────────────────────────────────────────────────────────────────────────────

const queryString = (q: Partial<BacklogQuery> & { page?: number }) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
};

/**
 * The backlog: answers per topic per month over a period (filtered by the kind of event), the quotes
 * (the written answers, a page at a time, of one topic when chosen), and the CSV with the same filters.
 */
export function BacklogPage({ ctx, backlog, query, errors = [] }: { ctx: PageContext; backlog: Backlog | null; query: BacklogQuery; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const title = t('feedback.backlog.title');
  const topicName = (id: string) => (id === 'geen' ? t('feedback.backlog.untagged') : (backlog?.topics.find((topic) => topic.id === id)?.name ?? ''));
  const filters = { soort: query.soort, periode: query.periode, onderwerp: query.onderwerp };
  const monthColumns: Column<BacklogRow>[] = (backlog?.months ?? []).map((m) => ({
    header: monthLabel(lang, m.month),
    numeric: true,
    cell: (r: BacklogRow) => <span safe>{formatNumber(lang, r.perMonth.get(m.month) ?? 0)}</span>,
  }));
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <TextParagraph text={t('feedback.backlog.intro')} />
      <Paragraph>
        <a class="utrecht-link" href={topicsPath} safe>
          {t('feedback.topics.title')}
        </a>
        {' · '}
        <a class="utrecht-link" href={`${backlogCsvPath}${queryString(filters)}`} safe>
          {t('feedback.backlog.csv')}
        </a>
      </Paragraph>
      {/* biome-ignore lint/a11y/useSemanticElements: a form with role=search is a search landmark everywhere; <search> is not yet */}
      <form class="br-form br-search" method="get" action={backlogPath} role="search" novalidate>
        <SelectField
          id="soort"
          name="soort"
          label={t('feedback.backlog.kind')}
          value={query.soort}
          error={errorFor(errors, 'soort')}
          options={[{ value: '', label: t('feedback.backlog.anyKind') }, ...eventKinds.map((k) => ({ value: k, label: eventKindLabel(t, k) }))]}
        />
        <SelectField
          id="periode"
          name="periode"
          label={t('feedback.backlog.period')}
          value={query.periode || '12'}
          error={errorFor(errors, 'periode')}
          options={periods.map((p) => ({ value: p, label: t(`feedback.backlog.period.${p}`) }))}
        />
        {query.onderwerp ? <HiddenField name="onderwerp" value={query.onderwerp} /> : ''}
        <div class="br-search__actions">
          <Button>{Html.escapeHtml(t('feedback.backlog.show'))}</Button>
        </div>
      </form>
      {!backlog ? (
        ''
      ) : backlog.months.length === 0 ? (
        <Alert type="info">
          <span safe>{t('feedback.backlog.empty')}</span>
        </Alert>
      ) : (
        <>
          <h2 class="utrecht-heading-2" safe>
            {t('feedback.backlog.perMonth')}
          </h2>
          <Table
            caption={t('feedback.backlog.perMonth')}
            captionHidden
            rows={backlog.months}
            columns={[
              { header: t('feedback.backlog.month'), cell: (m) => <span safe>{monthLabel(lang, m.month)}</span> },
              { header: t('feedback.backlog.answers'), numeric: true, cell: (m) => <span safe>{formatNumber(lang, m.answers)}</span> },
              { header: t('feedback.backlog.rating'), numeric: true, cell: (m) => <span safe>{formatNumber(lang, m.rating)}</span> },
            ]}
          />
          <h2 class="utrecht-heading-2" safe>
            {t('feedback.backlog.perTopic')}
          </h2>
          <TextParagraph text={t('feedback.backlog.perTopicHint')} />
          <Table
            caption={t('feedback.backlog.perTopic')}
            captionHidden
            rows={backlog.rows}
            columns={[
              {
                header: t('feedback.backlog.topic'),
                cell: (r) => {
                  const name = r.topicId ? r.name : t('feedback.backlog.untagged');
                  return (
                    <a class="utrecht-link" href={`${backlogPath}${queryString({ ...filters, onderwerp: r.topicId ?? 'geen' })}#citaten`}>
                      <span safe>{name}</span>
                      {r.retired ? <span safe>{` (${t('feedback.topics.retiredTag')})`}</span> : ''}
                    </a>
                  );
                },
              },
              ...monthColumns,
              { header: t('feedback.backlog.total'), numeric: true, cell: (r) => <strong safe>{formatNumber(lang, r.total)}</strong> },
            ]}
          />
        </>
      )}
      {backlog && backlog.months.length > 0 ? (
        <section aria-labelledby="citaten">
          <h2 class="utrecht-heading-2" id="citaten" safe>
            {query.onderwerp ? t('feedback.backlog.quotesOf', { topic: topicName(query.onderwerp) }) : t('feedback.backlog.quotes')}
          </h2>
          {query.onderwerp ? (
            <Paragraph>
              <a class="utrecht-link" href={`${backlogPath}${queryString({ ...filters, onderwerp: '' })}#citaten`} safe>
                {t('feedback.backlog.allQuotes')}
              </a>
            </Paragraph>
          ) : (
            ''
          )}
          <p class="utrecht-paragraph br-results-count" role="status" safe>
            {t(backlog.quotes.total === 1 ? 'feedback.backlog.quoteCount.one' : 'feedback.backlog.quoteCount.other', {
              count: formatNumber(lang, backlog.quotes.total),
            })}
          </p>
          {backlog.quotes.answers.length === 0 ? <TextParagraph text={t('feedback.backlog.noQuotes')} /> : ''}
          <ul class="br-cards br-cards--list">
            {backlog.quotes.answers.map((answer) => (
              <li class="br-card">
                <p class="utrecht-paragraph br-card__status" safe>
                  {[answer.eventTitle, formatDay(lang, answer.answeredOn), ratingText(t, answer.rating)].join(' · ')}
                </p>
                <AnswerTexts t={t} answer={answer} />
                <p class="utrecht-paragraph br-card__status">
                  <span safe>
                    {answer.topicIds.length === 0
                      ? t('feedback.backlog.untagged')
                      : t('feedback.backlog.topicsOf', {
                          topics: answer.topicIds
                            .map(topicName)
                            .sort((a, b) => a.localeCompare(b, lang))
                            .join(', '),
                        })}
                  </span>{' '}
                  <a class="utrecht-link" href={`${eventFeedbackPath(answer.eventId)}#antwoord-${answer.id}`}>
                    <span safe>{t('feedback.backlog.tag')}</span>
                    <span class="br-visually-hidden" safe>{` (${answer.eventTitle}, ${formatDay(lang, answer.answeredOn)})`}</span>
                  </a>
                </p>
              </li>
            ))}
          </ul>
          <Pagination
            page={backlog.quotes.page}
            pageSize={backlog.quotes.pageSize}
            total={backlog.quotes.total}
            href={(p) => `${backlogPath}${queryString({ ...filters, page: p })}#citaten`}
            t={t}
          />
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
