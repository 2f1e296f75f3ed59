/**
 * Operational log. Lines name the function and technical ids only: never a name, a login,
 * a password, a note or any other personal data (professional secrecy, CASF L411-3).
 * `fields` carries numbers, booleans and technical codes (channel names, error names) only.
 */
type LogValue = number | boolean | string | null | undefined;

let sink: (line: string) => void = (line) => process.stderr.write(line + '\n');
let quiet = process.env.PASSEUR_LOG === 'silent';

export function setLogSink(fn: (line: string) => void): void {
  sink = fn;
  quiet = false;
}

/** The CLI stays quiet (its output is for people); `serve` and the desktop app log. */
export function setQuiet(value: boolean): void {
  quiet = value || process.env.PASSEUR_LOG === 'silent';
}

export function log(where: string, event: string, fields: Record<string, LogValue> = {}): void {
  if (quiet) return;
  const parts = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`);
  sink(`${new Date().toISOString()} ${where}: ${event}${parts.length ? ' ' + parts.join(' ') : ''}`);
}
