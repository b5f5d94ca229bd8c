import { z } from 'zod';
import { fields } from '../../web/forms.ts';
import type { AnswerForm, BacklogQuery } from './feedback.rules.ts';

const { text, choices, linkValue } = fields;

/**
 * The feedback's forms and query strings, read through schemas for shape only; what a value means (a
 * rating of 1 to 5, a text not too long) is feedback.rules.ts's. The open answers are read at more than
 * their limit, so a text too long is refused at its field rather than cut off unseen.
 */

export const answerForm = z.object({
  token: text(200),
  cijfer: text(20),
  waardevol: text(20_000),
  beter: text(20_000),
  overig: text(20_000),
}) satisfies z.ZodType<AnswerForm & { token: string }>;

export const tokenQuery = z.object({ token: text(200) });

export const topicForm = z.object({ naam: text(1000) });
export const topicChangeForm = z.object({ naam: text(1000), actie: text(20) });
export const topicParams = z.object({ id: z.string() });
export const tagForm = z.object({ onderwerp: choices(200) });

export const backlogQuery = z.object({
  soort: text(100),
  periode: text(100),
  onderwerp: text(100),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
}) satisfies z.ZodType<BacklogQuery & { page: number }>;

export const noticeQuery = z.object({ melding: linkValue });
export const eventParams = z.object({ id: z.string() });
