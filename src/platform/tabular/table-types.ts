/** A file that cannot be read as a table, or passes a limit; the message is for the person who sent it. */
export class TableError extends Error {}

export type TableInfo = { format: 'csv' | 'xlsx'; encoding?: 'utf-8' | 'windows-1252'; separator?: ';' | ',' };
/** `rowNumber` is the row as a spreadsheet shows it: the header is row 1 */
export type TableRow = { rowNumber: number; fields: string[] };
