/**
 * How much a table file may hold before it is refused, all in one place (issue 17, bounded parsing).
 * A national delivery is about 250,000 rows of 17 columns (aanleverformaat v1); as XLSX written by
 * exceljs that is 152 MB of sheet XML and 24 MB of shared strings (750,000 strings), packed into 22 MB.
 * The limits allow four times that, a million rows, just under Excel's own 1,048,576 rows per sheet.
 */
export const tableLimits = {
  /** data rows after the header */
  rows: 1_000_000,
  /** columns in any row: the format has 17, unknown columns are only a warning */
  columns: 100,
  /** characters in one field: the longest value the format allows is 200 */
  fieldChars: 1_000,
  /** characters in one CSV record (quoted line breaks included): 100 columns of 200 characters */
  lineChars: 20_000,
  xlsx: {
    /** entries in the zip: a workbook has about ten */
    entries: 200,
    /** bytes of all entries unpacked together, counted as they are inflated as well as declared */
    unpackedBytes: 1024 * 1024 * 1024,
    /** bytes of xl/sharedStrings.xml unpacked: exceljs holds every shared string in memory */
    sharedStringsBytes: 128 * 1024 * 1024,
    /** `<si>` elements in xl/sharedStrings.xml */
    sharedStrings: 4_000_000,
    /** `<c>` elements in all worksheets together: a million rows of 25 cells */
    cells: 25_000_000,
  },
} as const;

/** C0 control characters other than tab, LF and CR, and DEL: PostgreSQL refuses NUL in text (22021) and JSON (22P05). */
export const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
