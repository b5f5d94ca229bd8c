import type { Lang, Translate } from '../../../platform/i18n.ts';
import { Table } from '../../../ui/components/table.tsx';
import type { DeliveryMethod, StoredEstimate } from '../koplopers.rules.ts';
import { hoursText } from '../koplopers.rules.ts';

export const applyPath = '/koplopers/aanmelden';
export const receiptPath = (reference: string) => `/koplopers/aanmelding/${reference}`;
export const pipelinePath = '/beheer/koplopers';
export const koploperPath = (id: string) => `${pipelinePath}/${id}`;
export const estimatePath = `${pipelinePath}/inschatting`;
export const estimateVersionPath = (version: number) => `${estimatePath}/versies/${version}`;
export const suppliersPath = `${pipelinePath}/leveranciers`;
export const supplierPath = (id: string) => `${suppliersPath}/${id}`;

export const deliveryMethodLabel = (t: Translate, method: DeliveryMethod) => t(`koplopers.method.${method}`);

/** One line of an estimate in words: the factor, with its teachers, delivery method or activity. */
export function estimateLineLabel(t: Translate, lang: Lang, line: StoredEstimate['lines'][number]): string {
  const p = line.params ?? {};
  switch (line.factor) {
    case 'base':
      return t('koplopers.factor.base');
    case 'teachers':
      return t('koplopers.factor.teachers', { teachers: p.teachers ?? 0, groups: p.groups ?? 0 });
    case 'delivery':
      return t('koplopers.factor.delivery', { method: deliveryMethodLabel(t, p.method as DeliveryMethod) });
    case 'grondslagen':
      return t('koplopers.factor.grondslagen');
    case 'activity':
      return t('koplopers.factor.activity', { activity: String(lang === 'en' ? p.nameEn : p.name) });
    default:
      return line.factor;
  }
}

/** The estimate with its breakdown: a row per factor and the total. */
export function EstimateTable({ t, lang, estimate, caption }: { t: Translate; lang: Lang; estimate: StoredEstimate; caption: string }) {
  const rows = [
    ...estimate.lines.map((line) => ({ label: estimateLineLabel(t, lang, line), hours: line.hours, total: false })),
    { label: t('koplopers.estimate.total'), hours: estimate.totalHours, total: true },
  ];
  return (
    <Table
      caption={caption}
      rows={rows}
      columns={[
        { header: t('koplopers.estimate.col.factor'), cell: (r) => (r.total ? <strong safe>{r.label}</strong> : <span safe>{r.label}</span>) },
        {
          header: t('koplopers.estimate.col.hours'),
          numeric: true,
          cell: (r) => (r.total ? <strong safe>{hoursText(r.hours, lang)}</strong> : <span safe>{hoursText(r.hours, lang)}</span>),
        },
      ]}
    />
  );
}
