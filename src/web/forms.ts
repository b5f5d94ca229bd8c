import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { isMessageKey, message } from '../platform/i18n.ts';
import { uuidPattern } from '../platform/ids/uuid-pattern.ts';
import type { FieldError } from '../ui/components/error-summary.tsx';

/** What a form sent, as strings: the values a page shows again after a refusal. Longer values are cut at 5,000 characters. */
export function formValues(req: FastifyRequest): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') out[key] = value.slice(0, 5000);
    else if (Array.isArray(value))
      out[key] = value
        .filter((v) => typeof v === 'string')
        .join(',')
        .slice(0, 5000);
  }
  return out;
}

/** The body as sent: each field a string, a repeated field (a checkbox group) an array of them. */
const bodyOf = (req: FastifyRequest): unknown => req.body ?? {};

export type FormResult<T> = { ok: true; value: T; values: Record<string, string> } | { ok: false; errors: FieldError[]; values: Record<string, string> };

/**
 * A page form read through a Zod schema, as the API's bodies are: the values as sent (to show again)
 * and either the parsed value or the field errors for the error summary, in the reader's language.
 * The schema gets the body itself, repeated fields as arrays, and sets each field's room
 * (`fields.text(max)`). Its messages are text keys (`z.string().min(1, { error: 'dossier.form.titleRequired' })`);
 * an issue without one reads as the general "this value is not valid".
 */
export function readForm<S extends z.ZodType>(req: FastifyRequest, schema: S): FormResult<z.output<S>> {
  const values = formValues(req);
  const parsed = schema.safeParse(bodyOf(req));
  if (parsed.success) return { ok: true, value: parsed.data, values };
  return { ok: false, values, errors: fieldErrorsOfIssues(req, parsed.error.issues) };
}

/**
 * A form whose schema gives shape only (built from `fields.text` and `fields.choices`, which never
 * refuse), so reading it never fails: what was typed is then the domain rule's to check, with its
 * messages at the fields. A body that is no form at all reads as an empty one.
 */
export function readFormShape<S extends z.ZodType>(req: FastifyRequest, schema: S): { value: z.output<S>; values: Record<string, string> } {
  const parsed = schema.safeParse(bodyOf(req));
  return { value: parsed.success ? parsed.data : schema.parse({}), values: formValues(req) };
}

/** Zod's issues as the error summary's list: one line a field, the first issue of each. */
export function fieldErrorsOfIssues(req: FastifyRequest, issues: z.core.$ZodIssue[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: req.t(isMessageKey(issue.message) ? issue.message : 'form.invalid') });
  }
  return errors;
}

/**
 * The query string through a schema. Query values come from links and bookmarks, not from a form a
 * person fills in: one that does not fit is a 400 with a plain explanation, never a 500.
 */
export function readQuery<S extends z.ZodType>(req: FastifyRequest, schema: S): z.output<S> {
  const parsed = schema.safeParse(req.query ?? {});
  if (!parsed.success) throw new AppError('bad_request', message('error.badQuery'));
  return parsed.data;
}

/** Path parameters through a schema: a path that names nothing that can exist is a 404. */
export function readParams<S extends z.ZodType>(req: FastifyRequest, schema: S): z.output<S> {
  const parsed = schema.safeParse(req.params ?? {});
  if (!parsed.success) throw AppError.notFound();
  return parsed.data;
}

/** Field shapes the page forms, links and paths share (a feature's `*.forms.ts` builds its schemas from them). */
export const fields = {
  /**
   * A form's text, cut at `max` characters (its column's room; more than a person types there);
   * missing or not text reads as empty: whether that will do is the rule's question.
   */
  text: (max = 5000) =>
    z
      .string()
      .catch('')
      .transform((value) => value.slice(0, max)),
  /** a checkbox group: none, one or many values; at most `max` of them, each cut at 300 characters */
  choices: (max = 50) =>
    z
      .union([z.string(), z.array(z.string())])
      .catch([])
      .transform((value) =>
        [value]
          .flat()
          .filter(Boolean)
          .map((v) => v.slice(0, 300))
          .slice(0, max),
      ),
  /** a link's value: one that is not a string is ignored, so a bookmark with junk still shows the page */
  linkValue: z.string().optional().catch(undefined),
  /** an id in a path, by the pattern the services check: anything else names nothing (404) */
  id: z.string().regex(uuidPattern),
};

/** The notice a page shows after a redirect (`?melding=…`); any other value shows none. */
export const noticeQuery = z.object({ melding: fields.linkValue });
