/**
 * A CSV cell a spreadsheet would read as a formula (=, +, -, @, a tab or a carriage return
 * first) is written with a leading apostrophe: names, organisations and notes are text people
 * typed, and a file opened in a spreadsheet must not run it (CSV injection).
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
