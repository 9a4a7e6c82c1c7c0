/**
 * CSV as RFC 4180 has it (CRLF between records; a field holding a comma, quote, CR or LF is quoted, its quotes
 * doubled), and safe to open in a spreadsheet: text that a spreadsheet would run as a formula (starting with
 * =, +, -, @, a tab or a carriage return) is given a leading apostrophe, as OWASP advises.
 */
export type CsvValue = string | number | null;

const formulaStart = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  // Numbers are ours (amounts, minutes), never a person's text: written as they are.
  const text = typeof value === 'number' ? String(value) : formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
