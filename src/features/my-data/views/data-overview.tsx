import { formatDateTime, formatDay, formatNumber, isMessageKey, type Translate } from '../../../platform/i18n.ts';
import { isRole } from '../../../platform/auth/roles.ts';
import { DataList, Paragraph } from '../../../ui/components/table.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { describeAuditAction } from '../../identity/index.ts';
import { appointmentBasisLabel, disputeFieldLabel, functionLabel } from '../../register/index.ts';

/**
 * The download (`exportMyData`) as a person reads it: a field's label in the reader's language, codes
 * in words, dates in the one date style, lists as numbered lists of summary lists. What the download
 * holds is shown whole: a field without a label shows its own name, a code without a text as it is.
 */

type Data = unknown;
type Scalar = string | number | boolean | null | undefined;

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const decimal = /^-?\d+\.\d+$/;

const isRecord = (value: Data): value is Record<string, Data> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isScalar = (value: Data): value is Scalar => !isRecord(value) && !Array.isArray(value);

export function fieldLabel(t: Translate, field: string): string {
  const key = `myData.field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/** A value of one field in words: roles, audit actions, the file format's codes, statuses and kinds. */
function valueText(ctx: PageContext, field: string, value: Scalar): string {
  const { t, lang } = ctx;
  if (value === null || value === undefined || value === '') return t('myData.empty');
  if (typeof value === 'boolean') return value ? t('myData.yes') : t('myData.no');
  if (typeof value === 'number') return formatNumber(lang, value);
  if (isoInstant.test(value)) return formatDateTime(lang, new Date(value));
  if (isoDay.test(value)) return formatDay(lang, value);
  if (decimal.test(value)) return formatNumber(lang, Number(value));
  if ((field === 'rol' || field === 'role') && isRole(value)) return t(`role.${value}`);
  if ((field === 'rol' || field === 'role') && value.startsWith('system:')) return t('access.system');
  if (field === 'handeling') return describeAuditAction(lang, value);
  if (field === 'functie') return functionLabel(t, value);
  if (field === 'benoemingsgrondslag') return appointmentBasisLabel(t, value);
  if (field === 'velden') return disputeFieldLabel(t, value);
  const key = `myData.value.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

/** A field's value for a summary list. */
export const FieldValue = Value;

/** Any value: a scalar as text, a list of scalars joined, a record as a summary list, a list of records numbered. */
function Value({ ctx, field, value }: { ctx: PageContext; field: string; value: Data }): JSX.Element {
  if (Array.isArray(value)) {
    if (value.length === 0) return <span safe>{ctx.t('myData.nothing')}</span>;
    if (value.every(isScalar)) return <span safe>{value.map((v) => valueText(ctx, field, v as Scalar)).join(', ')}</span>;
    return (
      <ol class="utrecht-ordered-list br-data-records">
        {value.map((item) => (
          <li class="utrecht-ordered-list__item">
            <Value ctx={ctx} field={field} value={item} />
          </li>
        ))}
      </ol>
    );
  }
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return <span safe>{ctx.t('myData.nothing')}</span>;
    return <DataList items={entries.map(([name, inner]) => ({ label: fieldLabel(ctx.t, name), value: <Value ctx={ctx} field={name} value={inner} /> }))} />;
  }
  return <span safe>{valueText(ctx, field, value as Scalar)}</span>;
}

/**
 * One part of the download under its heading: a record's plain fields as a summary list, and each of its
 * lists and records as a part of its own one heading lower (h2 → h3 → h4), so the page reads as an outline.
 */
export function DataSection({ ctx, field, value, level, id }: { ctx: PageContext; field: string; value: Data; level: 2 | 3 | 4; id: string }) {
  const heading = fieldLabel(ctx.t, field);
  const title =
    level === 2 ? (
      <h2 class="utrecht-heading-2" id={id} safe>
        {heading}
      </h2>
    ) : level === 3 ? (
      <h3 class="utrecht-heading-3" id={id} safe>
        {heading}
      </h3>
    ) : (
      <h4 class="utrecht-heading-4" id={id} safe>
        {heading}
      </h4>
    );
  if (!isRecord(value) || level === 4) {
    return (
      <section aria-labelledby={id}>
        {title}
        {isScalar(value) || (Array.isArray(value) && value.every(isScalar)) ? (
          <Paragraph>
            <Value ctx={ctx} field={field} value={value} />
          </Paragraph>
        ) : (
          <Value ctx={ctx} field={field} value={value} />
        )}
      </section>
    );
  }
  const entries = Object.entries(value);
  const plain = entries.filter(([, inner]) => isScalar(inner) || (Array.isArray(inner) && inner.every(isScalar) && inner.length > 0));
  const parts = entries.filter((entry) => !plain.includes(entry));
  return (
    <section aria-labelledby={id}>
      {title}
      {plain.length > 0 ? (
        <DataList items={plain.map(([name, inner]) => ({ label: fieldLabel(ctx.t, name), value: <Value ctx={ctx} field={name} value={inner} /> }))} />
      ) : (
        ''
      )}
      {parts.map(([name, inner]) => (
        <DataSection ctx={ctx} field={name} value={inner} level={level === 2 ? 3 : 4} id={`${id}-${name}`} />
      ))}
    </section>
  );
}
