import { describe, expect, it } from 'vitest';
import contentDisposition from 'content-disposition';
import { attachment } from './attachment.ts';

describe('a download keeps the name a person gave the file', () => {
  it.each(['Diploma Ünal.pdf', 'Işık getuigschrift.pdf', 'Zoë "pabo" 2024.pdf', 'rapport\n\r.pdf', '日本語.pdf', 'plain.csv'])('%j', (name) => {
    const header = attachment(name);
    // fit for an HTTP header: printable ASCII only
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    // and read back as the name without its control characters
    expect(contentDisposition.parse(header).parameters.filename).toBe(name.replace(/[\n\r]/g, ''));
  });

  it('gives old clients a plain-ASCII name without the accents', () => {
    expect(attachment('Diploma Ünal.pdf')).toContain('filename="Diploma Unal.pdf"');
  });
});
