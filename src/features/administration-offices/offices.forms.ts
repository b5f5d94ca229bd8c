import { z } from 'zod';
import { fields, noticeQuery } from '../../web/forms.ts';
import type { OfficeForm } from './offices.rules.ts';

const { text } = fields;

/** Register staff add an office: its name and KvK number, checked by the rules. */
export const officeForm = z.object({ naam: text(300), kvk: text(100) }) satisfies z.ZodType<OfficeForm, unknown>;

/** `/beheer/bestuur/:id/administratiekantoren`: the board, by UUID (anything else is not found). */
export const boardParams = z.object({ id: fields.id });

/** `/beheer/bestuur/:id/administratiekantoren/:kantoorId/…`: an office id that names no office is the service's "not found". */
export const mandateParams = boardParams.extend({ kantoorId: z.string().max(100) });

/** `/beheer/administratiekantoor/:id/besturen` */
export const officeParams = z.object({ id: fields.id });

/** A board admin's search for an office: words of its name, or its KvK number. */
export const searchQuery = z.object({ zoek: text(200) });

export { noticeQuery };
