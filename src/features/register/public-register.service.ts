import type { Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { normaliseRegisterNumber, isRegisterNumber } from './register-number.rules.ts';
import { checkQuery, type RegisterQuery } from './public-register.rules.ts';
import * as repo from './public-register.repo.ts';
import { lastPublicChange } from './public-entry-change.repo.ts';

export type { PublicEntry } from './public-register.repo.ts';

/** An entry as its own page shows it: the public facts and the last day any of them changed (YYYY-MM-DD). */
export type PublicDetail = repo.PublicEntry & { lastChanged: string };

/** Anyone's search of the public register: by name, register number, or school or place. */
export async function searchPublicRegister(db: Db, query: RegisterQuery, page: number, pageSize: number) {
  const checked = checkQuery(query);
  if (!checked.ok) throw AppError.validation([{ name: checked.field, reason: checked.message }], checked.message);
  const { rows, total } = await repo.searchRegister(db, checked.query, { offset: (page - 1) * pageSize, limit: pageSize });
  return { entries: rows, total, page, pageSize };
}

/** One entry by its register number; a number with wrong check digits is a typing error, not "not found". */
export async function getPublicEntry(db: Db, registerNumber: string): Promise<repo.PublicEntry> {
  const digits = normaliseRegisterNumber(registerNumber);
  if (!digits || !isRegisterNumber(digits)) {
    const invalid = message('register.error.registerNumberInvalid');
    throw AppError.validation([{ name: 'registernummer', reason: invalid }], invalid);
  }
  const { rows } = await repo.searchRegister(db, { name: null, registerNumber: digits, school: null }, { offset: 0, limit: 1 });
  if (!rows[0]) throw AppError.notFound(message('register.error.notInRegister', { number: digits }));
  return rows[0];
}

/** One entry with the day it last changed: for its page and the API's single entry. */
export async function getPublicDetail(db: Db, registerNumber: string): Promise<PublicDetail> {
  const entry = await getPublicEntry(db, registerNumber);
  const lastChanged = await lastPublicChange(db, entry.registerNumber);
  if (!lastChanged) throw AppError.notFound(message('register.error.notInRegister', { number: entry.registerNumber }));
  return { ...entry, lastChanged };
}
