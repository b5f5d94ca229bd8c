/** One CSV field as COPY (FORMAT csv) and spreadsheets read it: null is an empty unquoted field. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

const comma = 0x2c;
const newline = 0x0a;

/**
 * CSV lines for COPY written straight into UTF-8 bytes, the same bytes as `csvLine` encoded. A bulk
 * load of thousands of lines spent more on building, joining and then encoding one large string than
 * on the rest of its JavaScript: 6,107 directory locations took 44 ms that way, 25 ms this way.
 */
export class CsvBytes {
  private readonly capacity: number;
  private buffer: Buffer;
  private length = 0;
  lines = 0;

  constructor(capacity = 64 * 1024) {
    this.capacity = capacity;
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  line(values: (string | number | boolean | null | undefined)[]): void {
    for (let i = 0; i < values.length; i++) {
      if (i > 0) this.byte(comma);
      const value = values[i];
      if (value === null || value === undefined) continue;
      const text = csvField(value);
      this.room(text.length * 3); // at most 3 UTF-8 bytes per UTF-16 unit
      this.length += this.buffer.write(text, this.length);
    }
    this.byte(newline);
    this.lines++;
  }

  /** The lines so far; the builder starts empty again. */
  take(): Buffer {
    const bytes = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(this.capacity);
    this.length = 0;
    this.lines = 0;
    return bytes;
  }

  private byte(value: number): void {
    this.room(1);
    this.buffer[this.length++] = value;
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

/**
 * One line of a CSV for people to open in a spreadsheet: `;` (as Dutch Excel expects), CRLF, and a
 * leading = + - @ defused with a quote, so a value never runs as a formula.
 */
export function spreadsheetLine(values: (string | number)[]): string {
  return `${values
    .map((v) => {
      const text = String(v);
      const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
      return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(';')}\r\n`;
}
