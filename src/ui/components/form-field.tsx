import type { PropsWithChildren } from '@kitajs/html';

type FieldBase = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
};

function ErrorMessage({ id, error }: { id: string; error: string }) {
  return (
    <div class="utrecht-form-field-error-message" id={`${id}-error`}>
      <span class="br-visually-hidden">Fout: </span>
      <span safe>{error}</span>
    </div>
  );
}

/** A question answered by a group of controls: the legend, hint and error of a fieldset, then the controls. */
function Fieldset({ id, label, hint, error, children }: PropsWithChildren<Omit<FieldBase, 'name'>>) {
  return (
    <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend utrecht-form-label" safe>
          {label}
        </legend>
        {hint ? (
          <div class="utrecht-form-field-description" id={`${id}-hint`} safe>
            {hint}
          </div>
        ) : (
          ''
        )}
        {error ? <ErrorMessage id={id} error={error} /> : ''}
        {children}
      </fieldset>
    </div>
  );
}

/** Label, hint and error message wired to the control with aria-describedby, as the error summary links here. */
function Field({ id, label, hint, error, children }: PropsWithChildren<Omit<FieldBase, 'name'>>) {
  return (
    <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id} safe>
          {label}
        </label>
      </div>
      {hint ? (
        <div class="utrecht-form-field__description utrecht-form-field-description" id={`${id}-hint`} safe>
          {hint}
        </div>
      ) : (
        ''
      )}
      {error ? <ErrorMessage id={id} error={error} /> : ''}
      <div class="utrecht-form-field__input">{children}</div>
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(
  props: FieldBase & {
    value?: string;
    type?: 'text' | 'search' | 'email' | 'date' | 'number' | 'password';
    autocomplete?: string;
    required?: boolean;
    attrs?: Record<string, string>;
  },
) {
  const { id, name, value, type = 'text', hint, error, autocomplete, required, attrs = {} } = props;
  return (
    <Field {...props}>
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
        id={id}
        name={name}
        type={type}
        value={value ?? ''}
        autocomplete={autocomplete}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...attrs}
      />
    </Field>
  );
}

/** A multi-line text, with its limit in the hint (the server checks it; `maxlength` would cut text off unseen). */
export function TextAreaField(props: FieldBase & { value?: string; rows?: number; required?: boolean }) {
  const { id, name, value, rows = 5, hint, error, required } = props;
  return (
    <Field {...props}>
      <textarea
        class={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
        id={id}
        name={name}
        rows={String(rows)}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        safe
      >
        {value ?? ''}
      </textarea>
    </Field>
  );
}

export type Option = { value: string; label: string };

export function SelectField(props: FieldBase & { value?: string; options: Option[]; attrs?: Record<string, string> }) {
  const { id, name, value, options, hint, error, attrs = {} } = props;
  return (
    <Field {...props}>
      <select
        class={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
        id={id}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...attrs}
      >
        {options.map((o) => (
          <option value={o.value} selected={o.value === (value ?? '')} safe>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A single checkbox; with `error`, the message stands above it and is read with it (a confirmation that was not ticked). */
export function CheckboxField({
  id,
  name,
  label,
  checked,
  value = 'ja',
  error,
  attrs = {},
}: {
  id: string;
  name: string;
  label: string;
  checked?: boolean;
  value?: string;
  error?: string;
  attrs?: Record<string, string>;
}) {
  return (
    <div class={`utrecht-form-field utrecht-form-field--checkbox${error ? ' utrecht-form-field--invalid' : ''}`}>
      {error ? <ErrorMessage id={id} error={error} /> : ''}
      <div class="utrecht-form-field__input">
        <input
          class="utrecht-checkbox utrecht-checkbox--html-input"
          type="checkbox"
          id={id}
          name={name}
          value={value}
          checked={checked}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...attrs}
        />
      </div>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={id} safe>
          {label}
        </label>
      </div>
    </div>
  );
}

export function FileField(props: FieldBase & { accept?: string }) {
  const { id, name, accept, hint, error } = props;
  return (
    <Field {...props}>
      <input
        class={`utrecht-textbox br-file-input${error ? ' utrecht-textbox--invalid' : ''}`}
        id={id}
        name={name}
        type="file"
        accept={accept}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Field>
  );
}

/** A choice of one, as radio buttons in a fieldset whose legend is the question; `id` is the first option's id. */
export function RadioGroup(props: FieldBase & { value?: string; options: (Option & { hint?: string })[] }) {
  const { id, name, label, value, options, hint, error } = props;
  return (
    <Fieldset id={id} label={label} hint={hint} error={error}>
      {options.map((o, i) => {
        const optionId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <div class="utrecht-form-field utrecht-form-field--radio">
            <div class="utrecht-form-field__input">
              <input
                class="utrecht-radio-button utrecht-radio-button--html-input"
                type="radio"
                id={optionId}
                name={name}
                value={o.value}
                checked={o.value === value}
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
              />
            </div>
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label utrecht-form-label--radio" for={optionId} safe>
                {o.label}
              </label>
              {o.hint ? (
                <div class="utrecht-form-field-description" id={`${optionId}-hint`} safe>
                  {o.hint}
                </div>
              ) : (
                ''
              )}
            </div>
          </div>
        );
      })}
    </Fieldset>
  );
}

/**
 * A choice of several, as checkboxes in a fieldset whose legend is the question; `id` is the first box's id (the error summary links there).
 * An option is its own label, or a value with a label (a code shown in words).
 */
export function CheckboxGroup(props: FieldBase & { options: readonly (string | Option)[]; checked: readonly string[] }) {
  const { id, name, label, hint, options, checked, error } = props;
  return (
    <Fieldset id={id} label={label} hint={hint} error={error}>
      {options.map((option, i) => {
        const { value, label: text } = typeof option === 'string' ? { value: option, label: option } : option;
        return <CheckboxField id={i === 0 ? id : `${id}-${i}`} name={name} value={value} label={text} checked={checked.includes(value)} />;
      })}
    </Fieldset>
  );
}

export const formFieldExamples = {
  text: () => <TextField id="voorbeeld-naam" name="naam" label="Achternaam" hint="Zonder tussenvoegsel" />,
  textWithError: () => <TextField id="voorbeeld-bsn" name="bsn" label="BSN" value="12345" error="Een BSN heeft 9 cijfers." />,
  select: () => (
    <SelectField
      id="voorbeeld-provincie"
      name="provincie"
      label="Provincie"
      options={[
        { value: '', label: 'Alle' },
        { value: 'Drenthe', label: 'Drenthe' },
        { value: 'Utrecht', label: 'Utrecht' },
      ]}
      value="Utrecht"
    />
  ),
  textarea: () => <TextAreaField id="voorbeeld-toelichting" name="toelichting" label="Wat klopt er niet?" hint="Ten hoogste 2000 tekens" />,
  textareaWithError: () => <TextAreaField id="voorbeeld-antwoord" name="antwoord" label="Uw antwoord" value="nee" error="Schrijf ten minste 5 tekens." />,
  checkbox: () => <CheckboxField id="voorbeeld-gesloten" name="gesloten" label="Ook gesloten vestigingen tonen" checked />,
  checkboxWithError: () => (
    <CheckboxField
      id="voorbeeld-bevestigd"
      name="bevestigd"
      label="Ik weet dat de doorhaling meteen openbaar is."
      error="Bevestig dat u deze inschrijving wilt doorhalen."
    />
  ),
  checkboxes: () => (
    <CheckboxGroup
      id="voorbeeld-themas"
      name="themas"
      label="Thema's"
      hint="Kies er ten minste één."
      options={['Persoonlijk leiderschap', 'Regie & strategie']}
      checked={['Regie & strategie']}
    />
  ),
  checkboxesWithError: () => (
    <CheckboxGroup
      id="voorbeeld-themas-fout"
      name="themas"
      label="Thema's"
      options={['Persoonlijk leiderschap', 'Regie & strategie']}
      checked={[]}
      error="Kies ten minste één thema."
    />
  ),
  file: () => <FileField id="voorbeeld-bestand" name="bestand" label="Bestand" hint="CSV of XLSX, ten hoogste 100 MB" accept=".csv,.xlsx" />,
  fileWithError: () => <FileField id="voorbeeld-bestand-fout" name="bestand" label="Bestand" error="Kies een bestand." />,
  radios: () => (
    <RadioGroup
      id="voorbeeld-modus"
      name="modus"
      label="Wat levert u aan?"
      value="volledig"
      options={[
        { value: 'volledig', label: 'Volledig', hint: 'Het hele personeelsbestand' },
        { value: 'mutaties', label: 'Mutaties', hint: 'Alleen wijzigingen' },
      ]}
    />
  ),
};
