/**
 * Progress of long work, as a native <progress> with a visible label and percentage. `id` lets a
 * page refresh (or htmx) replace it while the work goes on.
 */
export function ProgressBar({ id, label, value }: { id: string; label: string; value: number }) {
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div class="br-progress">
      <label for={id} safe>
        {label}
      </label>{' '}
      <progress id={id} max="100" value={String(percent)}>
        {percent}%
      </progress>{' '}
      <span aria-hidden="true">{percent}%</span>
    </div>
  );
}

export const progressExamples = {
  halfway: () => <ProgressBar id="voorbeeld-voortgang" label="Controleren" value={45} />,
};
