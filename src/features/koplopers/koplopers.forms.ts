import { z } from 'zod';
import { fields } from '../../web/forms.ts';
import { isPipelineStep, type PipelineStep } from './koplopers.rules.ts';

const { text, choices, linkValue } = fields;

/**
 * The application form: shape only. What the answers must be is checkApplicationAnswers' and the
 * service's (the school needs the directory). `actie` is the button pressed: zoeken (find the school),
 * controleren (to the check page), wijzigen (back from it) or enter (the hidden default button: Enter in a field); `referentie` comes with the check page.
 */
export const applicationForm = z.object({
  school: text(40),
  zoekSchool: text(100),
  naam: text(200),
  email: text(300),
  telefoon: text(40),
  leraren: text(10),
  aanlevering: text(20),
  leverancier: text(40),
  grondslagen: text(5),
  activiteiten: choices(20),
  actie: text(20),
  referentie: text(40),
});

/** A new version of the estimate model; `versie` is the version the form showed, 0 if unreadable. */
export const estimateModelForm = z.object({
  basis: text(10),
  perTienLeraren: text(10),
  invoerscherm: text(10),
  bestand: text(10),
  koppeling: text(10),
  grondslagen: text(10),
  activiteiten: text(5000),
  toelichting: text(2000),
  versie: text(10).transform((value) => Number.parseInt(value, 10) || 0),
});

export const supplierForm = z.object({ naam: text(200), contactpersoon: text(200), email: text(300), telefoon: text(40), actief: text(5) });

export const moveForm = z.object({ stap: text(2), toelichting: text(2000), terug: text(20) });
export const detailsForm = z.object({ eigenaar: text(40), volgendeDatum: text(20), notities: text(5000) });
export const thresholdForm = z.object({ drempel: text(10) });

/** The pipeline's filters and page, from links: junk reads as no filter and the nearest page. */
export const pipelineQuery = z.object({
  stap: linkValue.transform((value): PipelineStep | undefined => {
    const n = Number.parseInt(value ?? '', 10);
    return isPipelineStep(n) ? n : undefined;
  }),
  eigenaar: linkValue.transform((value) => (value && (value === 'geen' || /^[0-9a-f-]{36}$/i.test(value)) ? value : undefined)),
  provincie: linkValue.transform((value) => (value ? value.slice(0, 60) : undefined)),
  page: linkValue.transform((page) => Math.min(10_000, Math.max(1, Number.parseInt(page ?? '1', 10) || 1))),
});

export const noticeQuery = z.object({ melding: linkValue, versie: linkValue });

export const idParams = z.object({ id: z.string() });
export const versionParams = z.object({ versie: z.string() });
export const referenceParams = z.object({ referentie: z.string() });
