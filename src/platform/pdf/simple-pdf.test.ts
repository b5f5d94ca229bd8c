import { describe, expect, it } from 'vitest';
import { renderPdf } from './simple-pdf.ts';

describe('renderPdf', () => {
  const pdf = renderPdf({ title: 'Bewijs van registratie', lang: 'nl-NL', lines: [{ text: 'Bérénice van der Berg (zie: a\\b)', bold: true, size: 18 }, { text: 'Registernummer 100000142', gapBefore: 10 }] });
  const text = pdf.toString('latin1');

  it('is a PDF with a cross-reference table whose offsets point at its objects', () => {
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(7);
    offsets.forEach((o, i) => expect(text.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
  });

  it('holds the text, with Dutch letters in WinAnsi and ( ) \\ escaped', () => {
    expect(text).toContain('(B\xe9r\xe9nice van der Berg \\(zie: a\\\\b\\)) Tj');
    expect(text).toContain('(Registernummer 100000142) Tj');
    expect(text).toContain('/Lang (nl-NL)');
    expect(text).toContain('/Title (Bewijs van registratie)');
  });

  it('declares the stream length it has', () => {
    const length = Number(/<< \/Length (\d+) >>\nstream\n/.exec(text)![1]);
    const start = text.indexOf('stream\n') + 'stream\n'.length;
    expect(text.slice(start + length, start + length + '\nendstream'.length)).toBe('\nendstream');
  });
});
