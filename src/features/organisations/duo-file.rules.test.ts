import { describe, expect, it } from 'vitest';
import { decodeText, detectSeparator, looksBinary } from '../../platform/csv/decode.ts';
import { DuoFileError, parseDuoBoards, parseDuoLocations } from './duo-file.rules.ts';

/** Text as DUO publishes it: Windows-1252 bytes (every character used here exists in that code page). */
function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94 };
  return Uint8Array.from(
    [...text].map((ch) => {
      if (special[ch] !== undefined) return special[ch];
      const code = ch.charCodeAt(0);
      if (code > 0xff || (code >= 0x80 && code < 0xa0)) throw new Error(`not in the test's Windows-1252 table: ${ch}`);
      return code;
    }),
  );
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]);

const newHeader =
  'PROVINCIE;BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;TELEFOONNUMMER;INTERNETADRES';
const crlf = (...lines: string[]) => lines.map((l) => `${l}\r\n`).join('');

describe('parseDuoLocations: reading the file', () => {
  it('decodes Windows-1252 (as DUO publishes) without mangling Dutch characters', () => {
    const bytes = windows1252(
      crlf(newHeader, 'Friesland;41385;04NA;04NA00;Stichting Één ’t Skoalle;OUDEGA DE FRYSKE MARREN;1940;DE FRYSKE MARREN;0514603832;www.één.nl'),
    );
    // the é/ë really are single Windows-1252 bytes, so this is not accidentally valid UTF-8
    expect([...bytes]).toContain(0xc9);
    expect([...bytes]).toContain(0x92);
    const parsed = parseDuoLocations(bytes);
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0].name).toBe('Stichting Één ’t Skoalle');
    expect(parsed.rows[0].website).toBe('www.één.nl');
  });

  it('reads UTF-8 with a byte order mark, and the BOM does not stick to the first column name', () => {
    // BEVOEGD GEZAG NUMMER first: with the BOM glued to it the required column would be "missing"
    const text = crlf('BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM', '41385;04NA;04NA00;Basisschool Hindoeïstisch Één');
    const parsed = parseDuoLocations(withBom(text));
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.rows.map((r) => [r.boardNumber, r.code, r.name])).toEqual([['41385', '04NA00', 'Basisschool Hindoeïstisch Één']]);
  });

  it('reads a comma-separated file as well as a semicolon-separated one, with quoted fields', () => {
    const semicolons = parseDuoLocations(utf8(crlf(newHeader, 'Utrecht;41886;18HI;18HI00;Basisschool "Kla4";LEUSDEN;0327;LEUSDEN; ; ')));
    const commas = parseDuoLocations(
      utf8(crlf(newHeader.replaceAll(';', ','), 'Utrecht,41886,18HI,18HI00,"Basisschool ""Kla4"", Leusden",LEUSDEN,0327,LEUSDEN, , ')),
    );
    expect(semicolons.separator).toBe(';');
    expect(commas.separator).toBe(',');
    expect(semicolons.rows[0].name).toBe('Basisschool "Kla4"');
    expect(commas.rows[0].name).toBe('Basisschool "Kla4", Leusden');
    expect(commas.rows[0].code).toBe('18HI00');
    expect(commas.rows[0].province).toBe('Utrecht');
  });

  it('reads a file whose stray quote comes after good lines once, with every line counted once', () => {
    const parsed = parseDuoLocations(
      utf8(
        crlf(
          newHeader,
          'Utrecht;41886;18HI;18HI00;Basisschool Kla4;LEUSDEN;0327;LEUSDEN; ; ',
          'Utrecht;41886;18HI;18HI01;Dependance;LEUSDEN;0327;LEUSDEN; ; ',
          'Utrecht;41886;18HJ;18HJ00;School "De 5";AMERSFOORT;0307;AMERSFOORT; ; ',
          'Utrecht;41886;18HI;18HI01;Dependance dubbel;LEUSDEN;0327;LEUSDEN; ; ',
        ),
      ),
    );
    expect(parsed.rows.map((r) => [r.line, r.code, r.name])).toEqual([
      [2, '18HI00', 'Basisschool Kla4'],
      [3, '18HI01', 'Dependance'],
      [4, '18HJ00', 'School "De 5"'],
    ]);
    expect(parsed.rejected).toEqual([{ line: 5, reason: 'vestigingscode 18HI01 staat al op regel 3', code: '18HI01' }]);
  });

  it('accepts the older column names (BRIN NUMMER, VESTIGINGSNUMMER with the number alone)', () => {
    const text = crlf(
      'BEVOEGD GEZAG NUMMER;BRIN NUMMER;VESTIGINGSNUMMER;VESTIGINGSNAAM;PLAATSNAAM',
      '32073;03WU;00;Kindcentrum De Wegwijzer;2E EXLOERMOND',
      '32073;03WU;01;Dependance De Wegwijzer;EMMEN',
      '32073;03wu;2;Kleine vestiging;EMMEN',
      '32073;03WU;03WU03;Vestiging met volledige code;EMMEN',
    );
    const parsed = parseDuoLocations(utf8(text));
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows.map((r) => [r.brin, r.code, r.place])).toEqual([
      ['03WU', '03WU00', '2E EXLOERMOND'],
      ['03WU', '03WU01', 'EMMEN'],
      ['03WU', '03WU02', 'EMMEN'],
      ['03WU', '03WU03', 'EMMEN'],
    ]);
  });

  it('accepts the current column names (INSTELLINGSCODE, VESTIGINGSCODE) in any order and case', () => {
    const text = crlf('vestigingsnaam;Vestigingscode;instellingscode;Bevoegd  Gezag Nummer', 'De Regenboog;12ab01;12ab;1234');
    const [row] = parseDuoLocations(utf8(text)).rows;
    expect(row).toMatchObject({ name: 'De Regenboog', code: '12AB01', brin: '12AB', boardNumber: '01234' });
  });

  it("reads a lone space (DUO's empty value) as empty and keeps the leading zeros of GEMEENTENUMMER", () => {
    const text = crlf(
      newHeader,
      'Drenthe;20091;32JK;32JK00;BBS de Verwondering;ALTEVEER;0014;GRONINGEN; ; ',
      'Drenthe;20091;32JK;32JK01;Tweede;ALTEVEER;14;GRONINGEN;   ;www.x.nl',
    );
    const parsed = parseDuoLocations(utf8(text));
    expect(parsed.rows[0].phone).toBeNull();
    expect(parsed.rows[0].website).toBeNull();
    expect(parsed.rows[0].municipalityCode).toBe('0014');
    expect(parsed.rows[1].municipalityCode).toBe('0014');
    expect(parsed.rows[1].phone).toBeNull();
    expect(parsed.rows[1].website).toBe('www.x.nl');
  });

  it('keeps each region code with the location and each region name once in the region list', () => {
    const text = crlf(
      'BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;COROPGEBIED CODE;COROPGEBIED NAAM;RMC-REGIO CODE;RMC-REGIO NAAM;VAKANTIEREGIO',
      '20091;32JK;32JK00;BBS de Verwondering;07;Noord-Drenthe; ; ;Noord',
      '20091;32JK;32JK01;BBS de Verwondering dependance;07;Noord-Drenthe; ; ;Noord',
    );
    const parsed = parseDuoLocations(utf8(text));
    expect(JSON.parse(parsed.rows[0].regionsJson)).toEqual({ coropGebied: '07', rmcRegio: null, vakantieregio: 'Noord' });
    expect(parsed.regions).toEqual([{ kind: 'coropGebied', code: '07', name: 'Noord-Drenthe' }]);
  });

  it('gives a location another source hash when only a region name changes', () => {
    const header = 'BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;COROPGEBIED CODE;COROPGEBIED NAAM';
    const before = parseDuoLocations(utf8(crlf(header, '20091;32JK;32JK00;BBS de Verwondering;07;Noord-Drenthe'))).rows[0];
    const after = parseDuoLocations(utf8(crlf(header, '20091;32JK;32JK00;BBS de Verwondering;07;Drenthe-Noord'))).rows[0];
    expect(after.regionsJson).toBe(before.regionsJson);
    expect(after.sourceHash).not.toBe(before.sourceHash);
  });

  it('gives the same row the same source hash and a changed row a different one', () => {
    const a = parseDuoLocations(utf8(crlf(newHeader, 'Drenthe;20091;32JK;32JK00;Naam;ALTEVEER;1699;NOORDENVELD; ; '))).rows[0];
    const same = parseDuoLocations(windows1252(crlf(newHeader, 'Drenthe;20091;32JK;32JK00;Naam;ALTEVEER;1699;NOORDENVELD; ; '))).rows[0];
    const changed = parseDuoLocations(utf8(crlf(newHeader, 'Drenthe;20091;32JK;32JK00;Naam;ALTEVEER;1699;NOORDENVELD;0501234567; '))).rows[0];
    expect(same.sourceHash).toBe(a.sourceHash);
    expect(changed.sourceHash).not.toBe(a.sourceHash);
  });
});

describe('parseDuoLocations: rejected lines', () => {
  const file = crlf(
    newHeader, //                                                                     line 1
    'Drenthe;20091;32JK;32JK00;Goede school;ALTEVEER;1699;NOORDENVELD; ; ', //         line 2
    'Drenthe;20091;3XJK;3XJK00;Slechte BRIN;ALTEVEER;1699;NOORDENVELD; ; ', //         line 3
    'Drenthe;2009X;32JL;32JL00;Slecht bestuursnummer;ALTEVEER;1699;NOORDENVELD; ; ', // line 4
    'Drenthe;20091;32JM;32JM00;Te weinig kolommen;ALTEVEER;1699', //                   line 5
    'Drenthe;20091;32JK;32JK00;Dubbele code;ALTEVEER;1699;NOORDENVELD; ; ', //         line 6
    'Drenthe;20091;32JN;32JP00;Code van een andere school;ALTEVEER;1699;NOORDENVELD; ; ', // line 7
    'Drenthe;20091;32JQ;32JQ00; ;ALTEVEER;1699;NOORDENVELD; ; ', //                     line 8
    'Drenthe;20091;32JR;32JR0;Korte code;ALTEVEER;1699;NOORDENVELD; ; ', //             line 9
    'Groningen;20092;32JS;32JS00;Nog een goede school;GRONINGEN;0014;GRONINGEN; ; ', // line 10
  );
  const parsed = parseDuoLocations(windows1252(file));
  const reasonOn = (line: number) => parsed.rejected.find((r) => r.line === line)?.reason;

  it('keeps the good lines', () => {
    expect(parsed.rows.map((r) => [r.line, r.code])).toEqual([
      [2, '32JK00'],
      [10, '32JS00'],
    ]);
  });

  it('rejects every bad line with its line number and nothing else', () => {
    expect(parsed.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('says in Dutch what is wrong with each line', () => {
    expect(reasonOn(3)).toBe('instellingscode "3XJK" is geen BRIN (2 cijfers en 2 letters); vestigingscode "3XJK00" is geen BRIN met 2 cijfers');
    expect(reasonOn(4)).toBe('bestuursnummer "2009X" is geen nummer van 5 cijfers');
    expect(reasonOn(5)).toBe('verwacht 10 kolommen, gevonden 7');
    expect(reasonOn(6)).toBe('vestigingscode 32JK00 staat al op regel 2');
    expect(reasonOn(7)).toBe('vestigingscode 32JP00 hoort niet bij instelling 32JN');
    expect(reasonOn(8)).toBe('vestigingsnaam ontbreekt');
    expect(reasonOn(9)).toBe('vestigingscode "32JR0" is geen BRIN met 2 cijfers');
  });

  it('names the location code on a rejected line when it is a valid code, so an import keeps that location open', () => {
    expect(parsed.rejected.find((r) => r.line === 4)?.code).toBe('32JL00');
    expect(parsed.rejected.find((r) => r.line === 3)).not.toHaveProperty('code');
    expect(parsed.rejected.find((r) => r.line === 9)).not.toHaveProperty('code');
  });

  it('counts lines as an editor does: empty lines and a quoted name spanning two lines in a CRLF file', () => {
    const text = crlf(
      'BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM', // line 1
      '20091;32JK;32JK00;"Naam over', // line 2
      'twee regels"', // line 3
      '', // line 4
      '20091;32JK;32JK01;Goed', // line 5
      'fout;32JK;32JK02;Slecht bestuursnummer', // line 6
    );
    const parsed = parseDuoLocations(windows1252(text));
    expect(parsed.rows.map((r) => r.code)).toEqual(['32JK00', '32JK01']);
    expect(parsed.rows[1].line).toBe(5);
    expect(parsed.rejected.map((r) => r.line)).toEqual([6]);
  });
});

describe('parseDuoLocations: files that cannot be read at all', () => {
  it('refuses an empty file', () => {
    expect(() => parseDuoLocations(new Uint8Array())).toThrow(new DuoFileError('Het vestigingenbestand is leeg.'));
  });

  it('refuses a file with only empty lines', () => {
    expect(() => parseDuoLocations(utf8('\r\n\r\n'))).toThrow(new DuoFileError('Het vestigingenbestand bevat geen kopregel.'));
  });

  it('refuses a binary file (for example a spreadsheet saved as XLSX)', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    expect(() => parseDuoLocations(zip)).toThrow(DuoFileError);
    expect(() => parseDuoLocations(zip)).toThrow('Het vestigingenbestand is geen tekstbestand (CSV).');
  });

  it('names the required columns that are missing', () => {
    const text = crlf('PROVINCIE;INSTELLINGSCODE;VESTIGINGSNAAM', 'Drenthe;32JK;School');
    expect(() => parseDuoLocations(utf8(text))).toThrow(DuoFileError);
    expect(() => parseDuoLocations(utf8(text))).toThrow(
      'Het vestigingenbestand mist de kolom(men) BEVOEGD GEZAG NUMMER, VESTIGINGSCODE. Is dit het DUO-bestand "Alle schoolvestigingen basisonderwijs"?',
    );
  });

  it('treats the board list given as location file as the wrong file', () => {
    const boards = utf8('kvk,naam,herkomst,soort,bevoegd_gezag,ook_elders\n01082181,Stichting Fryslân-Noord,besturenlijst,bo+vo,13603,\n');
    expect(() => parseDuoLocations(boards)).toThrow(/mist de kolom\(men\) BEVOEGD GEZAG NUMMER, INSTELLINGSCODE, VESTIGINGSCODE, VESTIGINGSNAAM/);
  });

  it('gives no rows but no error for a header without lines', () => {
    const parsed = parseDuoLocations(utf8(crlf(newHeader)));
    expect(parsed.rows).toEqual([]);
    expect(parsed.rejected).toEqual([]);
  });
});

describe('parseDuoBoards', () => {
  const header = 'kvk,naam,herkomst,soort,bevoegd_gezag,ook_elders';

  it('reads the board list: number padded to 5 digits, KvK number with its leading zero', () => {
    const parsed = parseDuoBoards(
      utf8(
        [
          header,
          '01082181,Stichting voor Openbaar Onderwijs Fryslân-Noord,besturenlijst,bo+vo,13603,',
          '41039,"Vereniging ""Fiersicht"", Drachten",besturenlijst,bo,1039,',
          '',
        ].join('\n'),
      ),
    );
    expect(parsed.rejected).toEqual([]);
    expect(parsed.separator).toBe(',');
    expect(parsed.rows).toEqual([
      { line: 2, number: '13603', name: 'Stichting voor Openbaar Onderwijs Fryslân-Noord', kvkNumber: '01082181', sectors: 'bo+vo' },
      { line: 3, number: '01039', name: 'Vereniging "Fiersicht", Drachten', kvkNumber: '00041039', sectors: 'bo' },
    ]);
  });

  it('decodes a Windows-1252 board list with semicolons', () => {
    const parsed = parseDuoBoards(windows1252(crlf('kvk;naam;soort;bevoegd_gezag', '12345678;Stichting Één;bo;20091')));
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.separator).toBe(';');
    expect(parsed.rows[0]).toMatchObject({ number: '20091', name: 'Stichting Één' });
  });

  it("accepts DUO's own column names (BEVOEGD GEZAG NUMMER, BEVOEGD GEZAG NAAM) and a board list without KvK", () => {
    const parsed = parseDuoBoards(withBom(crlf('BEVOEGD GEZAG NUMMER;BEVOEGD GEZAG NAAM', '20091;Stichting Kits Primair')));
    expect(parsed.rows).toEqual([{ line: 2, number: '20091', name: 'Stichting Kits Primair', kvkNumber: null, sectors: null }]);
  });

  it('rejects a bad number, a missing name and a duplicate with their line numbers, and keeps the rest', () => {
    const parsed = parseDuoBoards(
      utf8(
        [
          header,
          '01082181,Eerste bestuur,besturenlijst,bo,13603,', // 2
          '01082182,Slecht nummer,besturenlijst,bo,1360A,', // 3
          '01082183, ,besturenlijst,bo,13604,', // 4
          '01082184,Dubbel,besturenlijst,bo,13603,', // 5
          '01082185,Tweede bestuur,besturenlijst,bo,123456,', // 6
          '01082186,Derde bestuur,besturenlijst,bo,13605,', // 7
        ].join('\n'),
      ),
    );
    expect(parsed.rows.map((r) => [r.line, r.number])).toEqual([
      [2, '13603'],
      [7, '13605'],
    ]);
    expect(parsed.rejected).toEqual([
      { line: 3, reason: 'bestuursnummer "1360A" is geen nummer van 5 cijfers' },
      { line: 4, reason: 'naam ontbreekt' },
      { line: 5, reason: 'bestuur 13603 staat dubbel in het bestand' },
      { line: 6, reason: 'bestuursnummer "123456" is geen nummer van 5 cijfers' },
    ]);
  });

  it('ignores a KvK number that is not a number instead of storing it', () => {
    const parsed = parseDuoBoards(utf8([header, 'onbekend,Bestuur,besturenlijst,bo,13603,'].join('\n')));
    expect(parsed.rows[0].kvkNumber).toBeNull();
  });

  it('refuses an empty, binary or wrong file with a Dutch message', () => {
    expect(() => parseDuoBoards(new Uint8Array())).toThrow(new DuoFileError('Het besturenbestand is leeg.'));
    expect(() => parseDuoBoards(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toThrow('Het besturenbestand is geen tekstbestand (CSV).');
    expect(() => parseDuoBoards(utf8(crlf(newHeader, 'Drenthe;20091;32JK;32JK00;School;X;1;Y; ; ')))).toThrow(
      new DuoFileError('Het besturenbestand mist de kolom bevoegd_gezag of naam.'),
    );
  });
});

describe('decoding text files', () => {
  it('reads valid UTF-8 as UTF-8 and anything else as Windows-1252', () => {
    expect(decodeText(utf8('Hindoeïstisch'))).toEqual({ text: 'Hindoeïstisch', encoding: 'utf-8' });
    expect(decodeText(windows1252('Hindoeïstisch € ’'))).toEqual({ text: 'Hindoeïstisch € ’', encoding: 'windows-1252' });
    expect(decodeText(withBom('a;b'))).toEqual({ text: 'a;b', encoding: 'utf-8' });
  });

  it('recognises binary content by its NUL bytes, not by other control characters', () => {
    expect(looksBinary(Uint8Array.from([0x61, 0x00, 0x62]))).toBe(true);
    expect(looksBinary(utf8('a;b\r\n\tc'))).toBe(false);
  });

  it('picks the separator from the header, ignoring separators inside quotes', () => {
    expect(detectSeparator('a;b;c')).toBe(';');
    expect(detectSeparator('a,b,c')).toBe(',');
    expect(detectSeparator('"x;y;z",b,c')).toBe(',');
    expect(detectSeparator('"a,b,c";d')).toBe(';');
    expect(detectSeparator('kolom')).toBe(',');
  });
});
