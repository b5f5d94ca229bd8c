// autofocus is a global HTML attribute; @kitajs/html types it only on form controls
const autofocus = { autofocus: true } as Record<string, unknown>;

export type FieldError = { field: string; message: string };

/**
 * The list of problems at the top of a form; each links to its field. It takes focus on load
 * (autofocus needs no script), so keyboard and screen-reader users hear it first.
 */
export function ErrorSummary({ title, errors }: { title: string; errors: FieldError[] }) {
  if (errors.length === 0) return '';
  return (
    <div class="utrecht-alert utrecht-alert--error br-error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" {...autofocus}>
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2" id="error-summary-title" safe>
          {title}
        </h2>
        <ul class="utrecht-unordered-list">
          {errors.map((e) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href={`#${e.field}`} safe>
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export const errorSummaryExamples = {
  twoErrors: () => (
    <ErrorSummary
      title="Er is een probleem"
      errors={[
        { field: 'voorbeeld-bsn', message: 'Een BSN heeft 9 cijfers.' },
        { field: 'voorbeeld-naam', message: 'Vul een achternaam in.' },
      ]}
    />
  ),
};

/** The message for one field from a form's errors, for the field's own error text. */
export function errorFor(errors: FieldError[] | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field)?.message;
}
