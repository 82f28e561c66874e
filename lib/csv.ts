/** A cell: a value starting with = + - @ (or a tab or CR) is prefixed with ' so a spreadsheet never runs it as a formula. */
function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One RFC 4180 row of the given columns, with its CRLF: for exports written a page at a time. */
export function csvLine<T>(columns: readonly (keyof T & string)[], row: T): string {
  return `${columns.map((column) => csvCell(row[column])).join(',')}\r\n`;
}

/**
 * RFC 4180 CSV of the given columns, header first; cells are escaped against formula injection (exports hold reasons
 * and comments typed by people).
 */
export function toCsv<T>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  return `${columns.join(',')}\r\n${rows.map((row) => csvLine(columns, row)).join('')}`;
}

/** Saves text as a file from an extension page (a click on a temporary object URL). */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}
