/**
 * A one-page A4 PDF of text lines in Helvetica, written by hand: enough for a certificate, without a
 * PDF library. Text is WinAnsi-encoded, so Dutch letters with diacritics (é, ë, ï, ĳ as ij) print;
 * anything else becomes "?". The document carries its title and language.
 */
export type PdfLine = { text: string; size?: number; bold?: boolean; gapBefore?: number };

const pageWidth = 595;
const pageHeight = 842;
const margin = 72;

/** A JavaScript string as WinAnsi bytes in a PDF string literal. */
function pdfString(text: string): Buffer {
  const replaced = text.replace(/ĳ/g, 'ij').replace(/Ĳ/g, 'IJ').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/–/g, '-');
  const bytes: number[] = [0x28];
  for (const ch of replaced) {
    const code = ch.codePointAt(0)!;
    const byte = code < 0x20 ? 0x20 : code <= 0xff ? code : 0x3f;
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) bytes.push(0x5c);
    bytes.push(byte);
  }
  bytes.push(0x29);
  return Buffer.from(bytes);
}

export function renderPdf(options: { title: string; lang: string; lines: PdfLine[] }): Buffer {
  const parts: Buffer[] = [];
  let y = pageHeight - margin;
  for (const line of options.lines) {
    const size = line.size ?? 11;
    y -= (line.gapBefore ?? 0) + size * 1.4;
    parts.push(Buffer.from(`BT /${line.bold ? 'F2' : 'F1'} ${size} Tf ${margin} ${y.toFixed(1)} Td `, 'latin1'), pdfString(line.text), Buffer.from(' Tj ET\n', 'latin1'));
  }
  const content = Buffer.concat(parts);
  const objects: Buffer[] = [
    Buffer.concat([Buffer.from('<< /Type /Catalog /Pages 2 0 R /Lang ', 'latin1'), pdfString(options.lang), Buffer.from(' >>', 'latin1')]),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>', 'latin1'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`, 'latin1'),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>', 'latin1'),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>', 'latin1'),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]),
    Buffer.concat([Buffer.from('<< /Title ', 'latin1'), pdfString(options.title), Buffer.from(' /Producer (Beroepsregister Onderwijs) >>', 'latin1')]),
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(object);
    offset += object.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}
