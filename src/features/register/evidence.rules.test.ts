import { describe, expect, it } from 'vitest';
import { readAs } from './texts.test-support.ts';
import { checkEvidenceFacts, detectEvidenceType } from './evidence.rules.ts';

describe('a proof file', () => {
  it('is recognised by its content: PDF, PNG or JPG', () => {
    expect(detectEvidenceType(Buffer.from('%PDF-1.7\n'))).toEqual({ mediaType: 'application/pdf', extension: 'pdf' });
    expect(detectEvidenceType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toEqual({ mediaType: 'image/png', extension: 'png' });
    expect(detectEvidenceType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ mediaType: 'image/jpeg', extension: 'jpg' });
  });

  it('is refused when it is anything else, whatever its name says', () => {
    expect(detectEvidenceType(Buffer.from('MZ\x90\x00 a Windows program'))).toBeNull();
    expect(detectEvidenceType(Buffer.from('<html><script>'))).toBeNull();
    expect(detectEvidenceType(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBeNull(); // a zip (or docx)
    expect(detectEvidenceType(Buffer.alloc(0))).toBeNull();
  });
});

describe('the facts of a diploma', () => {
  const today = '2026-11-23';
  it('are read and trimmed, the date in ISO form', () => {
    expect(checkEvidenceFacts({ soort: 'diploma', titel: ' Pabo ', uitgever: 'Hogeschool Utrecht', datum: '01-07-2015' }, today)).toEqual({
      ok: true,
      facts: { kind: 'diploma', title: 'Pabo', issuer: 'Hogeschool Utrecht', issuedOn: '2015-07-01' },
    });
  });

  it('report each problem at its field, as a text key', () => {
    expect(checkEvidenceFacts({ soort: 'rijbewijs', titel: '', uitgever: 'x', datum: '2030-01-01' }, today)).toMatchObject({
      ok: false,
      problems: [
        { field: 'soort', message: { key: 'register.error.chooseKind' } },
        {},
        {},
        { field: 'datum', message: { key: 'register.error.evidenceDateRange' } },
      ],
    });
    expect(readAs(checkEvidenceFacts({ soort: 'rijbewijs', titel: '', uitgever: 'x', datum: '2030-01-01' }, today))).toEqual({
      ok: false,
      problems: [
        { field: 'soort', message: 'Kies diploma of certificaat.' },
        { field: 'titel', message: 'Geef de naam van de opleiding of het certificaat (2 tot 200 tekens).' },
        { field: 'uitgever', message: 'Geef de instelling die het uitreikte (2 tot 200 tekens).' },
        { field: 'datum', message: 'De datum van uitreiking ligt tussen 1950 en vandaag.' },
      ],
    });
  });
});
