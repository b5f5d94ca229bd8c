import { Alert, type AlertType } from './alert.tsx';

/** A page's one h1. */
export function PageTitle({ text }: { text: string }) {
  return (
    <h1 class="utrecht-heading-1" safe>
      {text}
    </h1>
  );
}

/** A paragraph of plain (escaped) text. */
export function TextParagraph({ text }: { text: string }) {
  return (
    <p class="utrecht-paragraph" safe>
      {text}
    </p>
  );
}

/** A message after an action ("De uitnodiging is verstuurd"); nothing when there is none. */
export function Notice({ message, type = 'ok' }: { message?: string; type?: AlertType }) {
  if (!message) return '';
  return (
    <Alert type={type}>
      <span safe>{message}</span>
    </Alert>
  );
}

/** A link back to the page one level up ("Alle bijeenkomsten"), in a paragraph of its own. */
export function BackLink({ href, text }: { href: string; text: string }) {
  return (
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href={href} safe>
        {text}
      </a>
    </p>
  );
}

export const textExamples = {
  title: () => <PageTitle text="Mijn account" />,
  paragraph: () => <TextParagraph text="Hier staat wie uw gegevens heeft ingezien." />,
  notice: () => <Notice message="De uitnodiging is verstuurd naar collega@bestuur.nl." />,
  backLink: () => <BackLink href="/beheer/bijeenkomsten" text="Alle bijeenkomsten" />,
};

/** A value for a table cell or data list: the value as text, or a dash where there is none. */
export const orDash = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '—' : String(value));
