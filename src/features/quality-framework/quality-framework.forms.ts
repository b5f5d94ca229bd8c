import { z } from 'zod';
import { fields } from '../../web/forms.ts';

const { text } = fields;

/**
 * The form for a new version of the Kwaliteitskader: only its shape; what the texts must say is
 * checkQualityFramework's. `versie` is the version the form showed, 0 for none (or unreadable).
 */
export const qualityFrameworkForm = z.object({
  titel: text(1000),
  waarborgen: text(60_000),
  toelichting: text(2000),
  versie: text(10).transform((value) => Number.parseInt(value, 10) || 0),
});

/** `?opgeslagen=<version>` after saving; anything else shows no notice. */
export const qualityFrameworkAdminQuery = z.object({
  opgeslagen: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional()
    .catch(undefined),
});

export const versionParams = z.object({ versie: z.string() });
