import type { PropsWithChildren } from '@kitajs/html';

/**
 * A form that posts back to the site with its CSRF token. `novalidate` leaves checking to the server,
 * so every error appears the same way: in the error summary and at the field.
 */
export function Form({
  action,
  csrfToken,
  method = 'post',
  children,
  attrs = {},
}: PropsWithChildren<{ action: string; csrfToken: string; method?: 'post' | 'get'; attrs?: Record<string, string> }>) {
  return (
    <form class="br-form" method={method} action={action} novalidate {...attrs}>
      {method === 'post' ? <input type="hidden" name="_csrf" value={csrfToken} /> : ''}
      {children}
    </form>
  );
}

export function HiddenField({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}

export const formExamples = {
  signIn: () => (
    <Form action="/voorbeeld" csrfToken="voorbeeld-token">
      <HiddenField name="terug" value="/account" />
      <button class="utrecht-button utrecht-button--primary-action" type="submit">
        Versturen
      </button>
    </Form>
  ),
};
