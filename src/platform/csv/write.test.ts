import { describe, expect, it } from 'vitest';
import { csvLine, CsvBytes } from './write.ts';

describe('csvLine', () => {
  it('quotes what COPY would misread and leaves null as an empty unquoted field', () => {
    expect(csvLine(['a', null, '', 'b,c', 'zei "ja"', 'regel\nnieuw', 3, true])).toBe('a,,"","b,c","zei ""ja""","regel\nnieuw",3,true\n');
  });
});

describe('CsvBytes', () => {
  const rows: (string | number | null)[][] = [
    ['0190b5b2-7c1e-7a3f-8d2e-1234567890ab', 'Fryslân-Noord', null, '', 'De "Wegwijzer", Emmen', 12],
    ['één', 'Ærø ŁÓDŹ €', 'regel\r\nnieuw', null, null, 0],
  ];

  it('gives the UTF-8 bytes of the same lines as csvLine', () => {
    const csv = new CsvBytes();
    for (const row of rows) csv.line(row);
    expect(csv.lines).toBe(2);
    expect(csv.take().toString('utf8')).toBe(rows.map(csvLine).join(''));
  });

  it('grows past its first capacity and starts empty after take', () => {
    const csv = new CsvBytes(8);
    const long = 'x'.repeat(10_000);
    csv.line([long, 'ŁÓDŹ'.repeat(1000)]);
    expect(csv.take().toString('utf8')).toBe(csvLine([long, 'ŁÓDŹ'.repeat(1000)]));
    csv.line(['a']);
    expect(csv.take().toString('utf8')).toBe('a\n');
  });
});
