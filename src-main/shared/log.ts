/**
 * Operational log. Lines name the function and technical ids only: never a name, a login,
 * a password, a note or any other personal data (professional secrecy, CASF L411-3).
 * `fields` is restricted to numbers, booleans and short technical codes by its type.
 */
type LogValue = number | boolean | null | undefined | `${string}_${string}` | `${number}`;

let sink: (line: string) => void = (line) => process.stderr.write(line + '\n');
let quiet = process.env.PASSEUR_LOG === 'silent';

export function setLogSink(fn: (line: string) => void): void {
  sink = fn;
  quiet = false;
}

export function log(where: string, event: string, fields: Record<string, LogValue> = {}): void {
  if (quiet) return;
  const parts = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`);
  sink(`${new Date().toISOString()} ${where}: ${event}${parts.length ? ' ' + parts.join(' ') : ''}`);
}
