import { create } from 'qrcode';

/** The light border QR readers need around the code, in modules. */
const quietZone = 4;

/**
 * A QR code of `text`, drawn on the server as inline SVG (works without JavaScript, no image request):
 * the qrcode library encodes, each row's dark modules become horizontal strokes. `label` is its text
 * alternative, read out as the image's name; the page gives what it holds as text as well.
 */
export function QrCode({ text, label, id }: { text: string; label: string; id: string }) {
  const { modules } = create(text);
  const size = modules.size + quietZone * 2;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="br-qr-code"
      role="img"
      aria-labelledby={`${id}-titel`}
      viewBox={`0 0 ${size} ${size}`}
      width="200"
      height="200"
      shape-rendering="crispEdges"
    >
      <title id={`${id}-titel`} safe>
        {label}
      </title>
      <path fill="#ffffff" d={`M0 0h${size}v${size}H0z`} />
      <path stroke="#000000" d={darkRuns(modules.size, (row, col) => Boolean(modules.get(row, col)))} />
    </svg>
  );
}

/** Path data with a stroke of one module high for each run of dark modules in a row. */
function darkRuns(size: number, dark: (row: number, col: number) => boolean): string {
  let path = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && dark(row, col)) col++;
      path += `M${start + quietZone} ${row + quietZone + 0.5}h${col - start}`;
    }
  }
  return path;
}

export const qrCodeExamples = {
  link: () => <QrCode id="qr-voorbeeld" text="https://beroepsregister.example/register" label="QR-code met de koppeling naar het openbaar register" />,
};
