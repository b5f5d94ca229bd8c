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

export type FormResult<T> = { ok: true; value: T; values: Record<string, string> } | { ok: false; errors: FieldError[]; values: Record<string, string> };

/**
 * A page form read through a Zod schema, as the API's bodies are: the values as sent (to show again)
 * and either the parsed value or the field errors for the error summary, in the reader's language.
 * A schema's messages are text keys (`z.string().min(1, { error: 'dossier.form.titleRequired' })`);
 * an issue without one reads as the general "this value is not valid".
 */
export function readForm<S extends z.ZodType>(req: FastifyRequest, schema: S): FormResult<z.output<S>> {
  const values = formValues(req);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, value: parsed.data, values };
  return { ok: false, values, errors: fieldErrorsOfIssues(req, parsed.error.issues) };
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
  /** a form's text as sent; missing reads as empty (whether that will do is the rule's question) */
  text: z.string().default(''),
  /** a link's value: one that is not a string is ignored, so a bookmark with junk still shows the page */
  linkValue: z.string().optional().catch(undefined),
  /** an id in a path, by the pattern the services check: anything else names nothing (404) */
  id: z.string().regex(uuidPattern),
};
