import type { PropsWithChildren } from '@kitajs/html';

export type Column<T> = {
  header: string;
  /** returns HTML: escape user text with `safe` inside */
  cell: (row: T) => JSX.Element;
  numeric?: boolean;
};

export function Table<T>({ caption, columns, rows, captionHidden }: { caption: string; columns: Column<T>[]; rows: T[]; captionHidden?: boolean }) {
  return (
    // on a phone each row becomes a card that names every value after its column (`data-label`, app.css);
    // in between a wide table scrolls sideways, with a shadow where more is: the region can take the
    // keyboard focus, so the arrow keys scroll it too, and a screen reader names it after the caption
    <section class="utrecht-table-container utrecht-table-container--overflow-inline br-table-cards" aria-label={caption} tabindex="0">
      <table class="utrecht-table">
        <caption class={`utrecht-table__caption${captionHidden ? ' br-visually-hidden' : ''}`} safe>
          {caption}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {columns.map((c) => (
              <th scope="col" class={`utrecht-table__header-cell${c.numeric ? ' utrecht-table__header-cell--numeric' : ''}`} safe>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map((row) => (
            <tr class="utrecht-table__row">
              {columns.map((c) => {
                const safeCell = c.cell(row); // cells escape their own text
                return (
                  <td class={`utrecht-table__cell${c.numeric ? ' utrecht-table__cell--numeric' : ''}`} data-label={c.header}>
                    <div class="br-cell-value">{safeCell}</div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Label/value pairs, for a record's details: a summary list (label above value on a phone, beside it on a wider screen). `value` is HTML: escape user text inside it with `safe`. */
export function DataList({ items }: { items: { label: string; value: JSX.Element }[] }) {
  return (
    <dl class="utrecht-data-list">
      {items.map(({ label, value: safeValue }) => (
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key" safe>
            {label}
          </dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{safeValue}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Paragraph({ children, lead }: PropsWithChildren<{ lead?: boolean }>) {
  return <p class={`utrecht-paragraph${lead ? ' utrecht-paragraph--lead' : ''}`}>{children}</p>;
}

const people = [
  { name: 'Fatima el Amrani', school: 'OBS De Regenboog', hours: 162 },
  { name: 'Jan de Vries', school: 'CBS De Wegwijzer', hours: 98 },
];

export const tableExamples = {
  table: () => (
    <Table
      caption="Geregistreerde leraren"
      columns={[
        { header: 'Naam', cell: (p: (typeof people)[number]) => <span safe>{p.name}</span> },
        { header: 'School', cell: (p) => <span safe>{p.school}</span> },
        { header: 'Uren', numeric: true, cell: (p) => String(p.hours) },
      ]}
      rows={people}
    />
  ),
  dataList: () => (
    <DataList
      items={[
        { label: 'BRIN-code', value: '03WU' },
        { label: 'Plaats', value: '2E EXLOERMOND' },
      ]}
    />
  ),
};
