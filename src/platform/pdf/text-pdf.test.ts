import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './text-pdf.ts';

const read = async (pdf: Buffer) => {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(document, { mergePages: true });
  const { info } = await getMeta(document);
  return { text, totalPages, info: info as Record<string, string> };
};

describe('a PDF of text lines', () => {
  it('prints every name as written, also letters beyond Western European ones (ł, ş, ő)', async () => {
    const pdf = await renderPdf({
      title: 'Bewijs van registratie 100000142',
      lang: 'nl-NL',
      lines: [
        { text: 'Łukasz Şahin-Őrs, Bérénice van der Berg (zie: a\\b)', bold: true, size: 18 },
        { text: 'Registernummer 100000142', gapBefore: 10 },
      ],
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, info } = await read(pdf);
    expect(text).toContain('Łukasz Şahin-Őrs, Bérénice van der Berg (zie: a\\b)');
    expect(text).toContain('Registernummer 100000142');
    expect(info.Title).toBe('Bewijs van registratie 100000142');
  });

  it('wraps a line wider than the page, and goes on to a next page when one is full', async () => {
    const long =
      'Controleer deze registratie in het openbare register: https://beroepsregister.example/register?registernummer=100000142 en lees daar wat zij betekent.';
    const pdf = await renderPdf({
      title: 'Lang',
      lang: 'nl-NL',
      lines: [{ text: long, size: 9 }, ...Array.from({ length: 60 }, (_, i) => ({ text: `Regel ${i + 1}` }))],
    });
    const { text, totalPages } = await read(pdf);
    expect(text.replace(/\s+/g, ' ')).toContain(long);
    expect(text).toContain('Regel 60');
    expect(totalPages).toBe(2);
  });
});
