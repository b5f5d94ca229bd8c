import type { Lang } from '../../platform/i18n.ts';
import { formatDate } from '../../platform/i18n.ts';
import { Paragraph, Table } from './table.tsx';

/** One version of versioned reference data, as its list shows it. */
export type VersionRow = { version: number; createdAt: Date; note: string; createdByLabel?: string };

/**
 * The versions of a piece of reference data (the framework, a register, the koploper estimate model): each a link
 * to that version, its date, who made it when the list says so, and its note. Newest first is the caller's order.
 */
export function VersionTable({
  lang,
  caption,
  versions,
  hrefOf,
  nameOf,
  headers,
}: {
  lang: Lang;
  caption: string;
  versions: VersionRow[];
  hrefOf: (version: number) => string;
  nameOf: (version: number) => string;
  headers: { version: string; date: string; by?: string; note: string };
}) {
  const by = headers.by;
  return (
    <Table
      caption={caption}
      rows={versions}
      columns={[
        {
          header: headers.version,
          cell: (v) => (
            <a class="utrecht-link" href={hrefOf(v.version)} safe>
              {nameOf(v.version)}
            </a>
          ),
        },
        { header: headers.date, cell: (v) => <span safe>{formatDate(lang, v.createdAt)}</span> },
        ...(by ? [{ header: by, cell: (v: VersionRow) => <span safe>{v.createdByLabel ?? ''}</span> }] : []),
        { header: headers.note, cell: (v) => <span safe>{v.note}</span> },
      ]}
    />
  );
}

/**
 * On an old version's page: whether it is the current version or an earlier one, and a link to the current one.
 * The texts are the feature's (each kind of reference data names itself).
 */
export function VersionPlace({
  isCurrent,
  currentText,
  earlierText,
  toCurrentText,
  currentHref,
}: {
  isCurrent: boolean;
  currentText: string;
  earlierText: string;
  toCurrentText: string;
  currentHref: string;
}) {
  return (
    <Paragraph>
      <span safe>{isCurrent ? currentText : earlierText}</span>{' '}
      <a class="utrecht-link" href={currentHref} safe>
        {toCurrentText}
      </a>
    </Paragraph>
  );
}

export const versionTableExamples = {
  versions: () => (
    <VersionTable
      lang="nl"
      caption="Versies"
      versions={[
        { version: 2, createdAt: new Date('2026-11-02T10:00:00Z'), note: 'Uren voor een koppeling verlaagd', createdByLabel: 'Rachid Registerbeheer' },
        { version: 1, createdAt: new Date('2026-09-01T10:00:00Z'), note: 'Eerste versie', createdByLabel: 'Demodata' },
      ]}
      hrefOf={(v) => `/beheer/koplopers/inschatting/versies/${v}`}
      nameOf={(v) => `Versie ${v}`}
      headers={{ version: 'Versie', date: 'Datum', by: 'Door', note: 'Toelichting' }}
    />
  ),
  place: () => (
    <VersionPlace
      isCurrent={false}
      currentText="Dit is de huidige versie."
      earlierText="Dit is een eerdere versie; de huidige is versie 3."
      toCurrentText="Naar de huidige versie"
      currentHref="/referentiekader"
    />
  ),
};
