import Html, { type PropsWithChildren } from '@kitajs/html';

type ButtonProps = PropsWithChildren<{
  appearance?: 'primary' | 'secondary';
  type?: 'submit' | 'button' | 'reset';
  name?: string;
  value?: string;
  /** a link styled as a button, for actions that navigate */
  href?: string;
}>;

export function Button({ appearance = 'primary', type = 'submit', name, value, href, children }: ButtonProps) {
  const cls = `utrecht-button utrecht-button--${appearance}-action`;
  if (href) {
    return (
      <a class={`utrecht-button-link utrecht-button-link--${appearance}-action`} href={href}>
        {children}
      </a>
    );
  }
  return (
    <button class={cls} type={type} name={name} value={value}>
      {children}
    </button>
  );
}

/** A form's last line: the button that commits, and a way back that changes nothing. Labels are plain text. */
export function FormActions({ submit, cancel }: { submit: string; cancel: { href: string; label: string } }) {
  return (
    <div class="utrecht-button-group">
      <Button>{Html.escapeHtml(submit)}</Button>{' '}
      <Button appearance="secondary" href={cancel.href}>
        {Html.escapeHtml(cancel.label)}
      </Button>
    </div>
  );
}

export const buttonExamples = {
  primary: () => <Button>Zoeken</Button>,
  secondary: () => <Button appearance="secondary">Annuleren</Button>,
  link: () => <Button href="/organisaties">Naar de organisaties</Button>,
  formActions: () => <FormActions submit="Intrekken" cancel={{ href: '/account', label: 'Annuleren' }} />,
};
