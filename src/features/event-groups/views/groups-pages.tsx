import Html from '@kitajs/html';
import { formatDateTime, formatNumber, type MessageKey, type Translate } from '../../../platform/i18n.ts';
import { registrantAttributeNames, type RegistrantAttributeName } from '../../../platform/grouping/registrant-attributes.ts';
import type { Mail } from '../../../platform/mail/mailer.ts';
import { renderMail } from '../../../platform/mail/templates.ts';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { CheckboxField, TextField } from '../../../ui/components/form-field.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { adminEventPath, eventWhen, eventWhere } from '../../events/index.ts';
import { defaultGroupSize } from '../event-groups.rules.ts';
import { groupsPath, type GroupsState, type Member } from '../event-groups.service.ts';

export const attributeLabel = (t: Translate, name: RegistrantAttributeName) => t(`eventGroups.attr.${name}`);

/** An attribute's value as staff read it: codes by their name, directory values as DUO gives them, and "onbekend" where the data is silent. */
export function attributeValue(t: Translate, name: RegistrantAttributeName, value: string | null): string {
  if (value === null) return t('eventGroups.unknown');
  if (name === 'role') {
    const role = t(`eventGroups.role.${value}` as MessageKey);
    return role.charAt(0).toUpperCase() + role.slice(1);
  }
  if (name === 'setting') return t(`eventGroups.setting.${value}` as MessageKey);
  if (name === 'governance') return t(`eventGroups.governance.${value}` as MessageKey);
  return value;
}

const ratioText = (lang: PageContext['lang'], score: number, bound: number) =>
  bound === 0 ? '—' : `${formatNumber(lang, Math.floor((score / bound) * 1000) / 10)}%`;

function BackLink({ href, text }: { href: string; text: string }) {
  return (
    <Paragraph>
      <a class="utrecht-link" href={href} safe>
        {text}
      </a>
    </Paragraph>
  );
}

const schoolText = (t: Translate, m: Member) => (m.schoolName ? `${m.schoolName}${m.brin ? ` (${m.brin})` : ''}` : t('eventGroups.noSchool'));

/** The members of a group (or those in none), each with their attributes and a form to move them. */
function MemberTable({
  ctx,
  state,
  members,
  caption,
  current,
}: {
  ctx: PageContext;
  state: GroupsState;
  members: Member[];
  caption: string;
  current?: number;
}) {
  const { t } = ctx;
  const count = state.groups.length;
  return (
    <Table
      caption={caption}
      captionHidden
      rows={members}
      columns={[
        { header: t('eventGroups.col.name'), cell: (m) => <span safe>{m.name}</span> },
        { header: t('eventGroups.col.school'), cell: (m) => <span safe>{schoolText(t, m)}</span> },
        ...registrantAttributeNames.map((name) => ({
          header: attributeLabel(t, name),
          cell: (m: Member) =>
            m.attributes[name] === null ? (
              <span class="br-unknown" safe>
                {t('eventGroups.unknown')}
              </span>
            ) : (
              <span safe>{attributeValue(t, name, m.attributes[name])}</span>
            ),
        })),
        {
          header: t('eventGroups.col.move'),
          cell: (m) => (
            <Form action={`${groupsPath(state.event.id)}/verplaatsen`} csrfToken={ctx.csrfToken} attrs={{ class: 'br-form br-move-form' }}>
              <HiddenField name="registratie" value={m.registrationId} />
              <label class="br-visually-hidden" for={`groep-${m.registrationId}`} safe>
                {t('eventGroups.move.label', { name: m.name })}
              </label>
              <select class="utrecht-select utrecht-select--html-select" id={`groep-${m.registrationId}`} name="groep">
                {Array.from({ length: count }, (_, g) => (
                  <option value={String(g + 1)} selected={g + 1 === (current ?? 1)} safe>
                    {t('eventGroups.groupN', { number: g + 1 })}
                  </option>
                ))}
              </select>
              <button class="utrecht-button utrecht-button--secondary-action" type="submit">
                <span safe>{current ? t('eventGroups.move.button') : t('eventGroups.move.place')}</span>
                <span class="br-visually-hidden" safe>{` ${m.name}`}</span>
              </button>
            </Form>
          ),
        },
      ]}
    />
  );
}

type GroupsPageProps = {
  ctx: PageContext;
  state: GroupsState;
  notice?: string;
  errors?: FieldError[];
  values?: { groepsgrootte: string };
};

/** Register staff's groups page: propose (and save) groups, see each group and the score beside its bound, move people, improve, mail. */
export function GroupsPage({ ctx, state, notice, errors = [], values }: GroupsPageProps) {
  const { t, lang } = ctx;
  const { event, grouping, groups, score, bound } = state;
  const title = t('eventGroups.title', { title: event.title });
  const base = groupsPath(event.id);
  const sizes = groups.map((g) => g.length);
  const uneven = sizes.length > 1 && Math.max(...sizes) - Math.min(...sizes) > 1;
  const tooLarge = grouping ? groups.flatMap((g, i) => (g.length > grouping.groupSize ? [i + 1] : [])) : [];
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <Notice message={notice} />
      <BackLink href={adminEventPath(event.id)} text={event.title} />
      <DataList
        items={[
          { label: t('eventGroups.field.when'), value: <span safe>{eventWhen(lang, event)}</span> },
          { label: t('eventGroups.field.where'), value: <span safe>{eventWhere(t('eventGroups.online'), event)}</span> },
          { label: t('eventGroups.field.registrants'), value: <span safe>{formatNumber(lang, state.members.length)}</span> },
          {
            label: t('eventGroups.field.made'),
            value: (
              <span safe>
                {grouping
                  ? t('eventGroups.made', { when: formatDateTime(lang, grouping.madeAt), by: grouping.madeByLabel, size: grouping.groupSize })
                  : t('eventGroups.notMade')}
              </span>
            ),
          },
          {
            label: t('eventGroups.field.mailed'),
            value: (
              <span safe>
                {grouping?.mailedAt
                  ? t('eventGroups.mailed', { when: formatDateTime(lang, grouping.mailedAt), by: grouping.mailedByLabel ?? '' })
                  : t('eventGroups.notMailed')}
              </span>
            ),
          },
        ]}
      />
      <TextParagraph text={t('eventGroups.intro')} />
      <h2 class="utrecht-heading-2" safe>
        {t('eventGroups.propose.title')}
      </h2>
      {state.members.length < 2 ? (
        <TextParagraph text={t('eventGroups.tooFew')} />
      ) : (
        <Form action={`${base}/voorstellen`} csrfToken={ctx.csrfToken}>
          <TextField
            id="groepsgrootte"
            name="groepsgrootte"
            label={t('eventGroups.propose.size')}
            hint={t('eventGroups.propose.sizeHint', { max: state.members.length, default: defaultGroupSize })}
            value={values?.groepsgrootte ?? String(grouping?.groupSize ?? defaultGroupSize)}
            error={errorFor(errors, 'groepsgrootte')}
            attrs={{ inputmode: 'numeric' }}
          />
          {grouping ? <CheckboxField id="vervangen" name="vervangen" label={t('eventGroups.propose.replace')} error={errorFor(errors, 'vervangen')} /> : ''}
          <Button>{Html.escapeHtml(t('eventGroups.propose.button'))}</Button>
        </Form>
      )}
      {grouping ? (
        <>
          <h2 class="utrecht-heading-2" safe>
            {t('eventGroups.score.title')}
          </h2>
          <p class="utrecht-paragraph utrecht-paragraph--lead" safe>
            {t('eventGroups.score.total', { score: score.total, bound: bound.total, ratio: ratioText(lang, score.total, bound.total) })}
          </p>
          <TextParagraph text={t('eventGroups.score.explain')} />
          <h3 class="utrecht-heading-3" safe>
            {t('eventGroups.score.caption')}
          </h3>
          <DataList
            items={registrantAttributeNames.map((name) => ({
              label: attributeLabel(t, name),
              value: (
                <span safe>
                  {t('eventGroups.score.attribute', {
                    score: score.perAttribute[name] ?? 0,
                    bound: bound.perAttribute[name] ?? 0,
                    ratio: ratioText(lang, score.perAttribute[name] ?? 0, bound.perAttribute[name] ?? 0),
                  })}
                </span>
              ),
            }))}
          />
          {uneven || tooLarge.length > 0 ? (
            <Alert type="warning">
              <span safe>
                {`${t('eventGroups.sizes.uneven', { sizes: sizes.join(', ') })}${tooLarge.length > 0 ? ` ${t('eventGroups.sizes.tooLarge', { groups: tooLarge.join(', '), size: grouping.groupSize })}` : ''}`}
              </span>
            </Alert>
          ) : (
            ''
          )}
          {state.dropped > 0 ? (
            <Alert type="info">
              <span safe>{t(state.dropped === 1 ? 'eventGroups.dropped.one' : 'eventGroups.dropped.other', { count: state.dropped })}</span>
            </Alert>
          ) : (
            ''
          )}
          <Form action={`${base}/verbeteren`} csrfToken={ctx.csrfToken}>
            <TextParagraph text={t('eventGroups.improve.explain')} />
            <Button appearance="secondary">{Html.escapeHtml(t('eventGroups.improve.button'))}</Button>
            <Button appearance="secondary" href={`${base}/mailen`}>
              {Html.escapeHtml(t('eventGroups.mail.link'))}
            </Button>
          </Form>
          {state.unassigned.length > 0 ? (
            <section aria-labelledby="nog-niet-ingedeeld">
              <h2 class="utrecht-heading-2" id="nog-niet-ingedeeld" safe>
                {t('eventGroups.unassigned.title', { count: state.unassigned.length })}
              </h2>
              <TextParagraph text={t('eventGroups.unassigned.explain')} />
              <MemberTable ctx={ctx} state={state} members={state.unassigned} caption={t('eventGroups.unassigned.caption')} />
            </section>
          ) : (
            ''
          )}
          {groups.map((group, g) => (
            <section aria-labelledby={`groep-${g + 1}`}>
              <h2 class="utrecht-heading-2" id={`groep-${g + 1}`} safe>
                {t('eventGroups.group.title', { number: g + 1, count: group.length })}
              </h2>
              <Paragraph>
                <span safe>
                  {t('eventGroups.group.score', {
                    score: score.groups[g]?.total ?? 0,
                    parts: registrantAttributeNames.map((name) => `${attributeLabel(t, name)} ${score.groups[g]?.perAttribute[name] ?? 0}`).join(', '),
                  })}
                </span>
              </Paragraph>
              {group.length === 0 ? (
                <TextParagraph text={t('eventGroups.group.empty')} />
              ) : (
                <MemberTable ctx={ctx} state={state} members={group} caption={t('eventGroups.groupN', { number: g + 1 })} current={g + 1} />
              )}
            </section>
          ))}
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** Check before sending: who gets a mail, what it says (an example), who gets none; a tick and the button. */
export function MailGroupsPage({ ctx, state, sample, errors = [] }: { ctx: PageContext; state: GroupsState; sample?: Mail; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const { event, grouping, groups } = state;
  const title = t('eventGroups.mail.title', { title: event.title });
  const mailed = groups.flat().length;
  const rendered = sample ? renderMail(sample.template, sample.lang, sample.params) : undefined;
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <BackLink href={groupsPath(event.id)} text={t('eventGroups.title', { title: event.title })} />
      <TextParagraph text={t('eventGroups.mail.explain', { count: mailed, groups: groups.filter((g) => g.length > 0).length })} />
      {state.unassigned.length > 0 ? (
        <Alert type="warning">
          <span safe>{t('eventGroups.mail.unassigned', { count: state.unassigned.length })}</span>
        </Alert>
      ) : (
        ''
      )}
      {grouping?.mailedAt ? (
        <Alert type="warning">
          <span safe>{t('eventGroups.mail.again', { when: formatDateTime(lang, grouping.mailedAt), by: grouping.mailedByLabel ?? '' })}</span>
        </Alert>
      ) : (
        ''
      )}
      {rendered ? (
        <>
          <h2 class="utrecht-heading-2" safe>
            {t('eventGroups.mail.example')}
          </h2>
          <pre class="br-data-dump" safe>{`${rendered.subject}\n\n${rendered.text}`}</pre>
        </>
      ) : (
        ''
      )}
      {mailed === 0 ? (
        <TextParagraph text={t('eventGroups.mail.nobody')} />
      ) : (
        <Form action={`${groupsPath(event.id)}/mailen`} csrfToken={ctx.csrfToken}>
          <CheckboxField id="bevestigd" name="bevestigd" label={t('eventGroups.mail.confirm', { count: mailed })} error={errorFor(errors, 'bevestigd')} />
          <Button>{Html.escapeHtml(t('eventGroups.mail.button'))}</Button>
        </Form>
      )}
    </Layout>
  );
}

/** An event of another kind: it has no groups, said plainly, with the way back to it. */
export function NotGroupedPage({ ctx, event }: { ctx: PageContext; event: { id: string; title: string } }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('eventGroups.notGrouped.title')} current="account">
      <PageTitle text={t('eventGroups.notGrouped.title')} />
      <TextParagraph text={t('eventGroups.error.notGrouped')} />
      <BackLink href={adminEventPath(event.id)} text={event.title} />
    </Layout>
  );
}
