import { formatDay } from '../../../platform/i18n.ts';
import { DataList } from '../../../ui/components/table.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { Evaluation, ReregistrationRule, Standing } from '../reregistration.rules.ts';

const standingKeys = {
  geregistreerd: 'reregistration.standing.geregistreerd',
  'onder voorwaarden': 'reregistration.standing.onderVoorwaarden',
  'herregistratie verlopen': 'reregistration.standing.verlopen',
} as const;
export const standingText = (ctx: PageContext, standing: Standing) => ctx.t(standingKeys[standing]);

/** A re-registration rule in one sentence, in the page's language: for the registers' pages and the professional's. */
export function ruleDescription(ctx: PageContext, rule: ReregistrationRule): string {
  const { t } = ctx;
  switch (rule.kind) {
    case 'punten':
      return t('reregistration.rule.punten', {
        minimum: rule.minimum,
        norm: rule.norm.points,
        years: rule.norm.years,
        periods: rule.periods.map((p) => t('reregistration.rule.bracket', { from: p.from, years: p.years })).join(', '),
      });
    case 'uren':
      return t('reregistration.rule.uren', { hours: rule.minimumHours, years: rule.years, primary: rule.minimumPrimaryHours });
    case 'themas':
      return t(rule.masterSuffices ? 'reregistration.rule.themasMaster' : 'reregistration.rule.themas', {
        themes: rule.minimumThemes,
        total: rule.themes.length,
        years: rule.years,
      });
  }
}

/** What counted against what is needed, and the next period's end: the engine's evaluation as label/value pairs. */
export function EvaluationFacts({
  ctx,
  rule,
  evaluation,
  period,
}: {
  ctx: PageContext;
  rule: ReregistrationRule;
  evaluation: Evaluation;
  period: { since: string; until: string };
}) {
  const { t, lang } = ctx;
  const counted = (label: string, value: { counted: number; needed: number }) => ({
    label,
    value: <span safe>{t('reregistration.countedValue', value)}</span>,
  });
  const countedKey = { punten: 'reregistration.counted.punten', uren: 'reregistration.counted.uren', "thema's": 'reregistration.counted.themas' } as const;
  const next = evaluation.nextUntil ? formatDay(lang, evaluation.nextUntil) : t('reregistration.nextNone');
  return (
    <DataList
      items={[
        { label: t('reregistration.period'), value: <span safe>{t('reregistration.periodValue', period)}</span> },
        { label: t('reregistration.rule'), value: <span safe>{ruleDescription(ctx, rule)}</span> },
        counted(t(countedKey[evaluation.unit]), evaluation),
        ...(evaluation.primary ? [counted(t('reregistration.counted.primary'), evaluation.primary)] : []),
        { label: t('reregistration.next'), value: <span safe>{next}</span> },
      ]}
    />
  );
}
