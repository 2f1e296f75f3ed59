/**
 * CSV import of the partner directory (DOMAIN §9). Accepts what a spreadsheet saves:
 * UTF-8 (with or without BOM), `;` or `,` separated, quoted fields with `""`, CRLF or LF.
 * The header names the columns (French names, accents and case ignored).
 */
import { hasControlChars } from '../../api/text';
import { fold } from '../persons';

export const COLUMNS = {
  organisation: ['organisme', 'organisation', 'structure'],
  service: ['service'],
  category: ['categorie', 'type'],
  address: ['adresse'],
  postcode: ['code postal', 'cp'],
  city: ['ville', 'commune'],
  phone: ['telephone', 'tel'],
  email: ['courriel', 'email', 'mail', 'e mail'],
  contact: ['contact', 'interlocuteur'],
  missions: ['missions', 'ce qu ils font', 'description'],
} as const;
export type PartnerColumn = keyof typeof COLUMNS;
const LIMITS: Record<PartnerColumn, number> = {
  organisation: 120,
  service: 120,
  category: 60,
  address: 200,
  postcode: 10,
  city: 80,
  phone: 30,
  email: 120,
  contact: 120,
  missions: 1000,
};

/** Splits CSV text into records of fields; `line` is the 1-based line where a record starts. */
export function parseCsv(text: string): { line: number; fields: string[] }[] | { error: string; line: number } {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += c;
  }
  if (quoted) return { error: 'guillemet ouvert jamais refermé', line: start };
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
  return records;
}

export type PartnerRecord = Record<PartnerColumn, string>;

/** Header and rows → partner records, or the list of problems (nothing is imported then). */
export function readPartners(text: string): { rows: { line: number; partner: PartnerRecord }[]; errors: { line: number; message: string }[] } {
  const parsed = parseCsv(text);
  if (!Array.isArray(parsed)) return { rows: [], errors: [{ line: parsed.line, message: `Ligne illisible : ${parsed.error}.` }] };
  const [header, ...body] = parsed;
  if (!header) return { rows: [], errors: [{ line: 1, message: 'Fichier vide : la première ligne doit nommer les colonnes (Organisme;Service;…).' }] };
  const index = new Map<PartnerColumn, number>();
  const errors: { line: number; message: string }[] = [];
  header.fields.forEach((h, i) => {
    const name = fold(h);
    const col = (Object.keys(COLUMNS) as PartnerColumn[]).find((k) => (COLUMNS[k] as readonly string[]).includes(name));
    if (col) index.set(col, i);
    else if (name) errors.push({ line: header.line, message: `Colonne « ${h.trim()} » inconnue. Colonnes reconnues : Organisme, Service, Catégorie, Adresse, Code postal, Ville, Téléphone, Courriel, Contact, Missions.` });
  });
  if (!index.has('organisation')) errors.push({ line: header.line, message: 'La colonne « Organisme » est obligatoire.' });
  if (errors.length) return { rows: [], errors };
  const rows: { line: number; partner: PartnerRecord }[] = [];
  const seen = new Map<string, number>();
  for (const r of body) {
    if (r.fields.length > header.fields.length) {
      errors.push({ line: r.line, message: `${r.fields.length} champs pour ${header.fields.length} colonnes : un séparateur en trop ? Mettez entre guillemets les textes qui contiennent « ; ».` });
      continue;
    }
    const partner = {} as PartnerRecord;
    for (const col of Object.keys(COLUMNS) as PartnerColumn[]) {
      const i = index.get(col);
      partner[col] = i === undefined ? '' : (r.fields[i] ?? '').trim();
    }
    const problems: string[] = [];
    if (!partner.organisation) problems.push('l’organisme est vide');
    for (const col of Object.keys(LIMITS) as PartnerColumn[]) {
      if (partner[col].length > LIMITS[col]) problems.push(`${COLUMNS[col][0]} trop long (${LIMITS[col]} caractères au plus)`);
    }
    for (const col of Object.keys(COLUMNS) as PartnerColumn[]) {
      if (hasControlChars(partner[col], col === 'missions')) problems.push(`${COLUMNS[col][0]} : caractères de contrôle interdits (supprimez-les dans le fichier)`);
    }
    if (partner.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(partner.email)) problems.push(`courriel « ${partner.email} » invalide`);
    if (partner.postcode && !/^\d{5}$/.test(partner.postcode)) problems.push(`code postal « ${partner.postcode} » invalide (5 chiffres)`);
    const key = `${fold(partner.organisation)}|${fold(partner.service)}`;
    if (partner.organisation && seen.has(key)) problems.push(`même organisme et service qu’à la ligne ${seen.get(key)}`);
    seen.set(key, r.line);
    if (problems.length) errors.push({ line: r.line, message: `${problems.join(' ; ')}.`.replace(/^./, (c) => c.toUpperCase()) });
    else rows.push({ line: r.line, partner });
  }
  if (!body.length) errors.push({ line: header.line, message: 'Aucune ligne de partenaire après la ligne des colonnes.' });
  return { rows, errors };
}
