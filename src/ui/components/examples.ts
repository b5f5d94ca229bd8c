import type { Translate } from '../../platform/i18n.ts';
import { alertExamples } from './alert.tsx';
import { buttonExamples } from './button.tsx';
import { errorSummaryExamples } from './error-summary.tsx';
import { formFieldExamples } from './form-field.tsx';
import { paginationExamples } from './pagination.tsx';
import { tableExamples } from './table.tsx';
import { textExamples } from './text.tsx';
import { formExamples } from './form.tsx';
import { progressExamples } from './progress.tsx';
import { qrCodeExamples } from './qr-code.tsx';
import { versionTableExamples } from './version-table.tsx';

type Example = (t: Translate) => JSX.Element;

/** Every shared component's examples: rendered by the unit test and checked by axe in the browser test. */
export const componentExamples: Record<string, Record<string, Example>> = {
  errorSummary: errorSummaryExamples,
  alert: alertExamples,
  button: buttonExamples,
  formField: formFieldExamples,
  table: tableExamples,
  pagination: paginationExamples,
  text: textExamples,
  form: formExamples,
  progress: progressExamples,
  qrCode: qrCodeExamples,
  versionTable: versionTableExamples,
};
