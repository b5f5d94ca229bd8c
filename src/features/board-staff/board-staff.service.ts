import type { Db } from '../../db/database.ts';
import { recordAuditPerPerson, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message, translator, type Translate } from '../../platform/i18n.ts';
import { functionLabel, searchForm } from '../register/index.ts';
import { decide } from '../../platform/policy.ts';
import { spreadsheetLine } from '../../platform/csv/write.ts';
import * as repo from './board-staff.repo.ts';

export type { StaffLine } from './board-staff.repo.ts';

async function requireStaffRead(ctx: ActorContext, boardId: string) {
  const decision = await decide(ctx.actor, { action: 'staff.read', organisation: { kind: 'bestuur', id: boardId } });
  if (!decision.allowed) {
    throw decision.reason === 'unauthenticated' ? new AppError('unauthenticated') : new AppError('forbidden', message('staff.error.notForThisBoard'));
  }
  return decision.via;
}

/** A search box's text as the list's search: a name (folded, word by word) or a personeelsnummer; nothing for an empty box. */
function staffSearchOf(text: string): repo.StaffSearch | null {
  const typed = text.trim();
  if (typed === '') return null;
  return { words: searchForm(typed).split(' ').filter(Boolean), staffNumber: typed };
}

/**
 * The board's professionals with a current employment: whether they checked what was delivered, and
 * their inschrijving and registration. `attentionOnly`: those with something to check, a dispute, no
 * inschrijving yet, or a registration that lapses within six months. `search`: a name or a
 * personeelsnummer. Reading it is in the audit trail of each person shown: it is personal data of others.
 */
export async function listBoardStaff(
  db: Db,
  ctx: ActorContext,
  boardId: string,
  options: { attentionOnly: boolean; search?: string; page: number; pageSize: number },
) {
  const via = await requireStaffRead(ctx, boardId);
  const search = staffSearchOf(options.search ?? '');
  const { rows, total } = await repo.listBoardStaff(db, boardId, {
    attentionOnly: options.attentionOnly,
    search,
    offset: (options.page - 1) * options.pageSize,
    limit: options.pageSize,
  });
  await recordAuditPerPerson(
    db,
    ctx,
    {
      action: 'board-staff.listed',
      via,
      subjectOrganisation: { kind: 'bestuur', id: boardId },
      after: { attentionOnly: options.attentionOnly, searched: search !== null },
    },
    rows.map((r) => r.personId),
  );
  return { staff: rows, total, page: options.page, pageSize: options.pageSize };
}

const csvPage = 2000;
const dutch = translator('nl');

/** "Leraar · De Regenboog; Intern begeleider · De Klimop": the employments with their functions' labels. */
export const employmentText = (t: Translate, employment: { function: string; school: string }) =>
  `${functionLabel(t, employment.function)} · ${employment.school}`;

/** The same, once each: two employments in one function at one school (two locations) read as one. */
export const employmentsText = (t: Translate, employments: { function: string; school: string }[]) =>
  [...new Set(employments.map((e) => employmentText(t, e)))].join('; ');

/**
 * The same list as CSV for the board's own administration (`;`, UTF-8 with BOM, as Excel reads it), page
 * by page; each page is in the audit trail of the persons on it before it leaves.
 */
export async function* exportBoardStaffCsv(db: Db, ctx: ActorContext, boardId: string, attentionOnly: boolean, searchText = ''): AsyncGenerator<string> {
  const via = await requireStaffRead(ctx, boardId);
  const search = staffSearchOf(searchText);
  yield `\uFEFF${spreadsheetLine(['naam', 'personeelsnummer', 'dienstverbanden', 'te controleren', 'betwist', 'registernummer', 'status', 'herregistratie voor'])}`;
  for (let offset = 0; ; offset += csvPage) {
    const { rows } = await repo.listBoardStaff(db, boardId, { attentionOnly, search, offset, limit: csvPage });
    if (rows.length > 0) {
      await recordAuditPerPerson(
        db,
        ctx,
        { action: 'board-staff.exported', via, subjectOrganisation: { kind: 'bestuur', id: boardId }, after: { attentionOnly } },
        rows.map((r) => r.personId),
      );
      yield rows
        .map((r) =>
          spreadsheetLine([
            r.name,
            r.staffNumbers,
            employmentsText(dutch, r.employments),
            r.toCheck,
            r.disputed,
            r.registerNumber ?? '',
            r.status ?? 'niet ingeschreven',
            r.validUntil ?? '',
          ]),
        )
        .join('');
    }
    if (rows.length < csvPage) return;
  }
}
