import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * A PDF of text lines on A4 pages, made with pdf-lib. The font (Liberation Sans, assets/fonts) is embedded
 * as a subset, so any name prints as written, ł, ş and ő included; long lines wrap at the margin and a
 * full page continues on the next. The document carries its title and language.
 */
export type PdfLine = { text: string; size?: number; bold?: boolean; gapBefore?: number };

const pageSize: [number, number] = [595, 842];
const margin = 72;
const fontFile = (name: string) => new URL(`../../../assets/fonts/${name}`, import.meta.url);

let fontBytes: Promise<[Buffer, Buffer]> | undefined;
const loadFonts = () => (fontBytes ??= Promise.all([readFile(fontFile('LiberationSans-Regular.ttf')), readFile(fontFile('LiberationSans-Bold.ttf'))]));

/** The words of `text` in lines no wider than `width` at `size`; a word wider than a line stands alone. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  return [...lines, current];
}

export async function renderPdf(options: { title: string; lang: string; lines: PdfLine[] }): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await loadFonts();
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  doc.setTitle(options.title, { showInWindowTitleBar: true });
  doc.setLanguage(options.lang);
  doc.setProducer('Beroepsregister Onderwijs');
  doc.setCreator('Beroepsregister Onderwijs');

  let page: PDFPage = doc.addPage(pageSize);
  let y = pageSize[1] - margin;
  for (const line of options.lines) {
    const size = line.size ?? 11;
    const font = line.bold ? bold : regular;
    wrap(line.text, font, size, pageSize[0] - 2 * margin).forEach((text, i) => {
      y -= (i === 0 ? (line.gapBefore ?? 0) : 0) + size * 1.4;
      if (y < margin) {
        page = doc.addPage(pageSize);
        y = pageSize[1] - margin - size * 1.4;
      }
      page.drawText(text, { x: margin, y, size, font });
    });
  }
  return Buffer.from(await doc.save());
}
