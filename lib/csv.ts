/**
 * RFC 4180 CSV of the given columns; a cell starting with = + - @ is prefixed with ' so a spreadsheet never runs it
 * as a formula (exports hold reasons and comments typed by people).
 */
export function toCsv<T>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const cell = (value: unknown) => {
    let text = value === undefined || value === null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = rows.map((row) => columns.map((column) => cell(row[column])).join(','));
  return `${[columns.join(','), ...lines].join('\r\n')}\r\n`;
}

/** Saves text as a file from an extension page (a click on a temporary object URL). */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}
