import Html from '@kitajs/html';
import { formatDateTime, formatNumber } from '../../../platform/i18n.ts';
import { Button, FormActions } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { RadioGroup } from '../../../ui/components/form-field.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { boardNoticesPath, type BoardNoticeSettingsView, type CheckProgress, type SchoolProgress } from '../../register/index.ts';
import type { BoardRef } from './board-staff-page.tsx';

export const progressPath = (board: BoardRef) => `/beheer/bestuur/${board.id}/voortgang`;
export const reminderPath = (board: BoardRef) => `${progressPath(board)}/herinnering`;
export const noticesPath = (board: BoardRef) => boardNoticesPath(board.id);

type Line = Omit<SchoolProgress, 'brin'> & { brin: string | null };

/** The check per school of the board, with a total; and the reminders: automatic, and the one by hand. */
export function CheckProgressPage({ ctx, board, progress, notice }: { ctx: PageContext; board: BoardRef; progress: CheckProgress; notice?: string }) {
  const { t, lang } = ctx;
  const title = t('progress.title', { board: board.name });
  const share = (count: number, of: number) =>
    t('progress.share', { count: formatNumber(lang, count), percent: of === 0 ? '0' : formatNumber(lang, Math.round((count / of) * 100)) });
  const lines: Line[] = [...progress.schools, { brin: null, schoolName: t('progress.total'), ...progress.total }];
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <Notice message={notice} />
      <TextParagraph text={t('progress.intro')} />
      {progress.schools.length === 0 ? (
        <Paragraph>
          <span safe>{t('progress.none')}</span>
        </Paragraph>
      ) : (
        <Table
          caption={t('progress.caption')}
          rows={lines}
          columns={[
            {
              header: t('progress.col.school'),
              cell: (l) => (l.brin === null ? <strong safe>{l.schoolName}</strong> : <span safe>{`${l.schoolName} (${l.brin})`}</span>),
            },
            { header: t('progress.col.delivered'), numeric: true, cell: (l) => <span safe>{formatNumber(lang, l.delivered)}</span> },
            { header: t('progress.col.checked'), numeric: true, cell: (l) => <span safe>{share(l.checked, l.delivered)}</span> },
            { header: t('progress.col.approved'), numeric: true, cell: (l) => <span safe>{formatNumber(lang, l.approved)}</span> },
            { header: t('progress.col.disputed'), numeric: true, cell: (l) => <span safe>{formatNumber(lang, l.disputed)}</span> },
          ]}
        />
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('progress.reminders')}
      </h2>
      <TextParagraph text={t('progress.automatic')} />
      <TextParagraph text={t('progress.toRemind', { count: progress.toRemind })} />
      <LastReminder ctx={ctx} progress={progress} />
      {progress.canSend && progress.nextReminderAt === null && progress.toRemind > 0 ? (
        <p class="utrecht-paragraph">
          <Button appearance="secondary" href={reminderPath(board)}>
            {Html.escapeHtml(t('progress.sendNow'))}
          </Button>
        </p>
      ) : (
        ''
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={noticesPath(board)} safe>
          {t('progress.noticesLink')}
        </a>
      </p>
    </Layout>
  );
}

function LastReminder({ ctx, progress }: { ctx: PageContext; progress: Pick<CheckProgress, 'reminderSentAt' | 'reminderSentByLabel' | 'nextReminderAt'> }) {
  const { t, lang } = ctx;
  if (!progress.reminderSentAt) return '';
  const sent = t('progress.lastSent', { date: formatDateTime(lang, progress.reminderSentAt), by: progress.reminderSentByLabel ?? '' });
  const next = progress.nextReminderAt ? ` ${t('progress.nextAt', { date: formatDateTime(lang, progress.nextReminderAt) })}` : '';
  return <TextParagraph text={`${sent}${next}`} />;
}

/** Before the reminder by hand goes: to how many, what they get, and that it is once a day. */
export function ConfirmReminderPage({
  ctx,
  board,
  outlook,
}: {
  ctx: PageContext;
  board: BoardRef;
  outlook: Pick<CheckProgress, 'toRemind' | 'reminderSentAt' | 'reminderSentByLabel' | 'nextReminderAt'>;
}) {
  const { t } = ctx;
  const title = t('progress.confirm.title', { count: outlook.toRemind });
  const canGo = outlook.toRemind > 0 && outlook.nextReminderAt === null;
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <TextParagraph text={t('progress.confirm.what', { board: board.name })} />
      <TextParagraph text={t('progress.confirm.once')} />
      <LastReminder ctx={ctx} progress={outlook} />
      {outlook.toRemind === 0 ? <TextParagraph text={t('progress.confirm.nobody')} /> : ''}
      {canGo ? (
        <Form action={reminderPath(board)} csrfToken={ctx.csrfToken}>
          <FormActions submit={t('progress.sendNow')} cancel={{ href: progressPath(board), label: t('common.cancel') }} />
        </Form>
      ) : (
        <Button appearance="secondary" href={progressPath(board)}>
          {Html.escapeHtml(t('progress.back'))}
        </Button>
      )}
    </Layout>
  );
}

/** How the board hears of disputes: the setting, and for its admins the form to change it. */
export function BoardNoticesPage({
  ctx,
  board,
  settings,
  notice,
  value,
  errors = [],
}: {
  ctx: PageContext;
  board: BoardRef;
  settings: BoardNoticeSettingsView;
  notice?: string;
  value?: string;
  errors?: FieldError[];
}) {
  const { t, lang } = ctx;
  const title = t('notices.title', { board: board.name });
  const options = (['dagelijks', 'direct'] as const).map((mode) => ({ value: mode, label: t(`notices.mode.${mode}`), hint: t(`notices.mode.${mode}Hint`) }));
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <Notice message={notice} />
      <TextParagraph text={t('notices.intro')} />
      <DataList
        items={[
          { label: t('notices.current'), value: <span safe>{t(`notices.mode.${settings.disputeMail}`)}</span> },
          ...(settings.disputeMailChangedAt
            ? [
                {
                  label: t('notices.changed'),
                  value: (
                    <span safe>
                      {t('notices.changedValue', { date: formatDateTime(lang, settings.disputeMailChangedAt), by: settings.disputeMailChangedByLabel ?? '' })}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {settings.canManage ? (
        <Form action={noticesPath(board)} csrfToken={ctx.csrfToken}>
          <RadioGroup
            id="meldingen"
            name="meldingen"
            label={t('notices.field')}
            value={value ?? settings.disputeMail}
            options={options}
            error={errors[0]?.message}
          />
          <Button>{Html.escapeHtml(t('notices.save'))}</Button>
        </Form>
      ) : (
        <TextParagraph text={t('notices.adminOnly')} />
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={progressPath(board)} safe>
          {t('progress.link')}
        </a>
      </p>
    </Layout>
  );
}
