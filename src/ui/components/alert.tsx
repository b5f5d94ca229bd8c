import type { PropsWithChildren } from '@kitajs/html';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

/** A message block; `error` and `warning` are announced to screen readers at once. */
export function Alert({ type = 'info', children, id }: PropsWithChildren<{ type?: AlertType; id?: string }>) {
  const role = type === 'error' || type === 'warning' ? 'alert' : 'status';
  return (
    <div class={`utrecht-alert utrecht-alert--${type}`} role={role} id={id}>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

export const alertExamples = {
  info: () => <Alert>Uw aanlevering wordt gecontroleerd.</Alert>,
  ok: () => <Alert type="ok">De aanlevering is verwerkt.</Alert>,
  warning: () => <Alert type="warning">Drie regels hebben een waarschuwing.</Alert>,
  error: () => <Alert type="error">Het bestand kon niet worden gelezen.</Alert>,
};
