import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppError } from '../platform/errors.ts';
import { addTexts, translator, type MessageKey } from '../platform/i18n.ts';
import { fields, formValues, readForm, readFormShape, readParams, readQuery } from './forms.ts';

addTexts('forms test', {
  nl: { 'test.form.nameRequired': 'Vul uw naam in.', 'test.form.hoursRange': 'Vul een aantal uren tussen 1 en 40 in.' },
  en: { 'test.form.nameRequired': 'Enter your name.', 'test.form.hoursRange': 'Enter a number of hours from 1 to 40.' },
});
const key = (k: string) => k as MessageKey;
const requestOf = (parts: { body?: unknown; query?: unknown; params?: unknown }, lang: 'nl' | 'en' = 'nl') =>
  ({ ...parts, lang, t: translator(lang) }) as unknown as FastifyRequest;

const schema = z.object({
  naam: z
    .string()
    .trim()
    .min(1, { error: key('test.form.nameRequired') }),
  uren: z.coerce
    .number()
    .int()
    .min(1, { error: key('test.form.hoursRange') })
    .max(40, { error: key('test.form.hoursRange') }),
  opmerking: z.string().optional(),
});

describe('readForm', () => {
  it('gives the parsed value when the form is valid', () => {
    const result = readForm(requestOf({ body: { naam: ' Ayşe ', uren: '12' } }), schema);
    expect(result).toEqual({ ok: true, value: { naam: 'Ayşe', uren: 12 }, values: { naam: ' Ayşe ', uren: '12' } });
  });

  it('gives one error a field, in the reader’s language, with the values as sent', () => {
    const result = readForm(requestOf({ body: { naam: '', uren: '99' } }, 'en'), schema);
    expect(result).toEqual({
      ok: false,
      values: { naam: '', uren: '99' },
      errors: [
        { field: 'naam', message: 'Enter your name.' },
        { field: 'uren', message: 'Enter a number of hours from 1 to 40.' },
      ],
    });
  });

  it('reads an issue without a text key as the general refusal, not as Zod’s English', () => {
    const result = readForm(requestOf({ body: { naam: 'A', uren: 'twaalf' } }), z.object({ naam: z.string(), uren: z.coerce.number().int() }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ field: 'uren', message: 'Deze waarde is niet geldig.' }]);
  });

  it('treats a missing body as an empty form', () => {
    expect(readForm(requestOf({}), schema).ok).toBe(false);
  });
});

describe('fields and readFormShape', () => {
  const activity = z.object({ titel: fields.text(10), themas: fields.choices(2) });

  it('gives the schema a repeated field as its values, a comma inside a value kept, each field cut at its own room', () => {
    const body = { titel: 'Rekenen, taal en meer', themas: ['Taal, lezen', 'Rekenen', 'Burgerschap'] };
    expect(readForm(requestOf({ body }), activity)).toMatchObject({ ok: true, value: { titel: 'Rekenen, t', themas: ['Taal, lezen', 'Rekenen'] } });
  });

  it('reads missing or malformed fields as empty, and a body that is no form as an empty form', () => {
    expect(readFormShape(requestOf({ body: { titel: ['a', 'b'], themas: 'Taal' } }), activity).value).toEqual({ titel: '', themas: ['Taal'] });
    expect(readFormShape(requestOf({ body: 'geen formulier' }), activity).value).toEqual({ titel: '', themas: [] });
    expect(readFormShape(requestOf({}), activity).value).toEqual({ titel: '', themas: [] });
  });
});

describe('formValues', () => {
  it('keeps strings, joins repeated fields and drops anything else', () => {
    expect(formValues(requestOf({ body: { a: 'x', b: ['1', '2'], c: { nested: true }, d: 'y'.repeat(6000) } }))).toEqual({
      a: 'x',
      b: '1,2',
      d: 'y'.repeat(5000),
    });
  });
});

describe('readQuery and readParams', () => {
  const page = z.object({ pagina: z.coerce.number().int().min(1).default(1) });
  it('gives the parsed query, with defaults', () => {
    expect(readQuery(requestOf({ query: {} }), page)).toEqual({ pagina: 1 });
    expect(readQuery(requestOf({ query: { pagina: '3' } }), page)).toEqual({ pagina: 3 });
  });

  it('refuses a query that does not fit with a 400, and a path that cannot exist with a 404', () => {
    expect(() => readQuery(requestOf({ query: { pagina: '-1' } }), page)).toThrow(expect.objectContaining({ code: 'bad_request' }) as AppError);
    expect(() => readParams(requestOf({ params: { id: 'geen-uuid' } }), z.object({ id: z.uuid() }))).toThrow(
      expect.objectContaining({ code: 'not_found' }) as AppError,
    );
  });
});
