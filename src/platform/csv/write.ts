/** One CSV field as COPY (FORMAT csv) and spreadsheets read it: null is an empty unquoted field. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\n';
}

/**
 * One line of a CSV for people to open in a spreadsheet: `;` (as Dutch Excel expects), CRLF, and a
 * leading = + - @ defused with a quote, so a value never runs as a formula.
 */
export function spreadsheetLine(values: (string | number)[]): string {
  return values.map((v) => {
    const text = String(v);
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  }).join(';') + '\r\n';
}
