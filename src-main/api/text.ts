/**
 * Text inputs of the contract: one rule for control characters, shared by every channel.
 * A NUL or a bell in a birth name, a login or a label is never typed on purpose; it comes
 * from a bad copy-paste or a forged call, and would then travel into files, letters and
 * exports. Names, identifiers and one-line texts refuse every control character
 * (U+0000–U+001F, U+007F–U+009F); multi-line texts (notes, motifs, opinions) keep tab,
 * line feed and carriage return and refuse the others. Input schemas only: what is already
 * stored is read as it is.
 */
import { z } from 'zod';

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** True when `s` holds a control character (tab, line feed and carriage return allowed with `multiLine`). */
export function hasControlChars(s: string, multiLine = false): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x1f && (c < 0x7f || c > 0x9f)) continue;
    if (multiLine && (c === TAB || c === LF || c === CR)) continue;
    return true;
  }
  return false;
}

export const controlCharsMessage = (label: string) => `${label} : caractères de contrôle interdits (supprimez-les ou retapez le texte).`;

/** The labels text fields were declared with: their refusals already start with « label : ». */
export const TEXT_LABELS = new Set<string>();
const remember = (label: string) => (TEXT_LABELS.add(label), label);

/** Adds the one-line rule to a string schema (after its `trim()`, so edges are trimmed first). */
export const oneLine = <T extends z.ZodString>(schema: T, label: string): T =>
  schema.refine((s) => !hasControlChars(s), { message: controlCharsMessage(remember(label)) });

/** Adds the multi-line rule: tab, line feed and carriage return allowed, other control characters refused. */
export const multiLine = <T extends z.ZodString>(schema: T, label: string): T =>
  schema.refine((s) => !hasControlChars(s, true), { message: controlCharsMessage(remember(label)) });

const trimmed = (max: number, label: string) => z.string().trim().max(max, { message: `${label} : ${max} caractères au plus.` });

/** A one-line text: trimmed, at most `max` characters, no control character. */
export const text = (max: number, label: string) => oneLine(trimmed(max, label), label);
/** A one-line text that must be filled in. */
export const required = (max: number, label: string) => text(max, label).min(1, { message: `${label} : à renseigner.` });
/** A multi-line text (a textarea): trimmed, at most `max` characters, lines and tabs allowed. */
export const longText = (max: number, label: string) => multiLine(trimmed(max, label), label);
/** A multi-line text that must be filled in. */
export const requiredLong = (max: number, label: string) => longText(max, label).min(1, { message: `${label} : à renseigner.` });
