import { z } from 'zod';
import { fields } from '../../web/forms.ts';

const { text } = fields;

/**
 * The form for a new version of the reference framework: only its shape. What the texts must say is
 * checkFrameworkVersion's (framework.rules.ts); `versie` is the version the form showed, 0 if unreadable.
 */
export const frameworkVersionForm = z.object({
  beroepsstandaard: text(10_000),
  competenties: text(20_000),
  themas: text(20_000),
  toelichting: text(2000),
  versie: text(10).transform((value) => Number.parseInt(value, 10) || 0),
});

/** `?opgeslagen=<version>` after saving; anything else shows no notice. */
export const frameworkAdminQuery = z.object({
  opgeslagen: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional()
    .catch(undefined),
});

/** A version's number in the path; the service answers "this version does not exist" for anything it cannot find. */
export const versionParams = z.object({ versie: z.string() });
