/**
 * The agenda's printed documents, in French (DOMAIN §7): the convocation sent to a person
 * (the site's postal block, the person's postal address, where, when, with whom, what to
 * bring) and the list of the next day's reminders (who, when, with whom, the phone to call).
 */
import PDFDocument from 'pdfkit';
import { frDate } from '../../shared/time';

const MARGIN = 60;
/** The standard PDF fonts speak Windows-1252: the few signs outside it get their plain twin. */
const t = (s: string) => s.replace(/\u2212/g, '-').replace(/[\u202f\u00a0]/g, ' ');

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** `2026-12-01` → `mardi 1er décembre 2026` (the ordinal for the first of the month, as French writes it). */
export function frLongDate(day: string, withYear = true): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${WEEKDAYS[(wd + 6) % 7]} ${d === 1 ? '1er' : d} ${MONTHS[m - 1]}${withYear ? ` ${y}` : ''}`;
}

/** `2026-12-01T09:30` → `9 h 30`; `14:00` → `14 h`. */
export function frTime(local: string): string {
  const [h, min] = local.slice(-5).split(':') as [string, string];
  return `${Number(h)} h${min === '00' ? '' : ` ${min}`}`;
}

/** `0671223344` → `06 71 22 33 44` (French numbers by pairs); anything else as stored. */
export const frPhone = (digits: string) => (/^0\d{9}$/.test(digits) ? digits.replace(/(\d{2})(?=\d)/g, '$1 ') : digits);

export interface SiteBlock {
  name: string;
  serviceName: string;
  addressLines: string[];
  postcode: string;
  city: string;
  phone: string;
}

/** The site's heading: the service's name as title, then the site's name only when it says something more, the address and phone. */
export function siteHeading(site: SiteBlock): { title: string; lines: string[] } {
  const title = site.serviceName || site.name;
  const lines = [site.serviceName && site.serviceName.trim() !== site.name.trim() ? site.name : '', ...site.addressLines, [site.postcode, site.city].filter(Boolean).join(' ')];
  if (site.phone) lines.push(`Tél. ${site.phone}`);
  // No line repeats the title (an address line holding the site's name, for instance).
  return { title, lines: lines.filter((l, i) => l && l.trim() !== title.trim() && lines.indexOf(l) === i) };
}

function pdf(title: string, author: string, layout: 'portrait' | 'landscape' = 'portrait') {
  const doc = new PDFDocument({ size: 'A4', layout, margin: MARGIN, bufferPages: true, info: { Title: title, Author: author } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  return { doc, done, width: doc.page.width - 2 * MARGIN };
}

function footer(doc: PDFKit.PDFDocument, width: number, text: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#666').text(t(`${text} — page ${i + 1} sur ${range.count}`), MARGIN, doc.page.height - 40, { width, align: 'center', lineBreak: false });
  }
}

export interface ConvocationData {
  site: SiteBlock;
  today: string;
  recipient: { name: string; salutation: string; lines: string[] };
  startsAt: string;
  endsAt: string;
  kindLabel: string;
  place: string;
  professional: string;
  bring: string[];
}

export function renderConvocation(d: ConvocationData): Promise<Buffer> {
  const { doc, done, width } = pdf('Convocation', d.site.name);
  const half = width / 2 - 10;
  const right = MARGIN + width / 2;
  const para = (s: string) => doc.font('Helvetica').fontSize(10.5).fillColor('#000').text(t(s), MARGIN, doc.y, { width, align: 'justify' }).moveDown(0.6);

  // Heading (left) and the address placed for a window envelope (right).
  const head = siteHeading(d.site);
  doc.font('Helvetica-Bold').fontSize(12).text(t(head.title), MARGIN, MARGIN, { width: half });
  doc.font('Helvetica').fontSize(9.5).fillColor('#333');
  for (const l of head.lines) doc.text(t(l), { width: half });
  doc.fillColor('#000');
  doc.font('Helvetica-Bold').fontSize(10.5).text(t(d.recipient.name), right, Math.max(doc.y + 14, 142), { width: half });
  doc.font('Helvetica');
  for (const l of d.recipient.lines) doc.text(t(l), right, doc.y, { width: half });
  doc.moveDown(1.2).text(t(`${d.site.city ? `${d.site.city}, l` : 'L'}e ${frDate(d.today)}`), right, doc.y, { width: half });
  doc.moveDown(1.5);
  doc.font('Helvetica-Bold').text(t('Objet : convocation à un rendez-vous'), MARGIN, doc.y, { width }).moveDown(1);

  para(d.recipient.salutation);
  para(`Vous êtes invité(e) à un rendez-vous (${d.kindLabel.toLowerCase()}) avec ${d.professional} :`);
  const box = (label: string, value: string) => {
    doc.font('Helvetica').fontSize(10.5).text(t(`${label} : `), MARGIN + 14, doc.y, { width: width - 14, continued: true }).font('Helvetica-Bold').text(t(value));
  };
  box('Date', frLongDate(d.startsAt.slice(0, 10)));
  box('Heure', `${frTime(d.startsAt)} (jusqu’à ${frTime(d.endsAt)} environ)`);
  box('Lieu', d.place);
  doc.moveDown(0.8);
  if (d.bring.length) {
    para('Merci d’apporter :');
    for (const b of d.bring) doc.font('Helvetica').fontSize(10.5).text(t(`• ${b}`), MARGIN + 14, doc.y, { width: width - 14 });
    doc.moveDown(0.8);
  }
  const phone = d.site.phone ? ` au ${d.site.phone}` : '';
  para(`Si vous ne pouvez pas venir, merci de nous prévenir${phone} le plus tôt possible : un autre rendez-vous vous sera proposé.`);
  para('Veuillez agréer l’expression de nos salutations distinguées.');
  // Signed by the professional; the site's name stays once, in the heading.
  doc.moveDown(1).font('Helvetica-Bold').text(t(d.professional), right, doc.y, { width: half });
  footer(doc, width, 'Convocation — document personnel');
  doc.end();
  return done;
}

export interface ReminderLine {
  startsAt: string;
  endsAt: string;
  name: string;
  phone: string;
  professional: string;
  place: string;
  kindLabel: string;
}

/** The reminders of a day: one line per appointment, in time order, with the phone to call or text. */
export function renderReminders(d: { site: SiteBlock; day: string; today: string; rows: ReminderLine[] }): Promise<Buffer> {
  // Landscape: a line per appointment, each column wide enough to read at a glance while phoning.
  const { doc, done, width } = pdf(`Rappels du ${frDate(d.day)}`, d.site.name, 'landscape');
  doc.font('Helvetica-Bold').fontSize(14).text(t(`Rendez-vous à rappeler — ${frLongDate(d.day)}`), { width });
  doc.font('Helvetica').fontSize(9.5).fillColor('#444').text(t(`${siteHeading(d.site).title} — liste éditée le ${frDate(d.today)} : ${d.rows.length} rendez-vous prévu(s). Document confidentiel.`), { width }).fillColor('#000');
  doc.moveDown(0.8);
  const cols = [
    { label: 'Heure', w: 95 },
    { label: 'Personne', w: 170 },
    { label: 'Téléphone', w: 100 },
    { label: 'Avec', w: 130 },
    { label: 'Lieu', w: width - 95 - 170 - 100 - 130 - 45 },
    { label: 'Appelé', w: 45 },
  ];
  const row = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - 80) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    let bottom = top;
    cells.forEach((c, i) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9.5).text(t(c), x + 2, top, { width: cols[i]!.w - 4 });
      bottom = Math.max(bottom, doc.y);
      x += cols[i]!.w;
    });
    doc.moveTo(MARGIN, bottom + 3).lineTo(MARGIN + width, bottom + 3).strokeColor('#999').lineWidth(0.5).stroke();
    doc.x = MARGIN;
    doc.y = bottom + 6;
  };
  row(cols.map((c) => c.label), true);
  if (d.rows.length === 0) doc.font('Helvetica-Oblique').fontSize(10).text('Aucun rendez-vous prévu ce jour-là.', MARGIN, doc.y, { width });
  for (const r of d.rows) row([`${frTime(r.startsAt)} – ${frTime(r.endsAt)}`, r.name, frPhone(r.phone) || 'pas de numéro', r.professional, `${r.place} (${r.kindLabel.toLowerCase()})`, ''], false);
  footer(doc, width, `Rappels du ${frDate(d.day)} — confidentiel`);
  doc.end();
  return done;
}

/** The same list as CSV (semicolons, UTF-8 with its mark, as a French spreadsheet opens it); no cell can start a formula. */
export function remindersCsv(rows: ReminderLine[]): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) && !/^\+?[\d\s().-]+$/.test(v) ? `'${v}` : v;
    return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [['Date', 'Début', 'Fin', 'Personne', 'Téléphone', 'Avec', 'Lieu', 'Type']];
  for (const r of rows) lines.push([frDate(r.startsAt), r.startsAt.slice(11), r.endsAt.slice(11), r.name, frPhone(r.phone), r.professional, r.place, r.kindLabel]);
  return `\ufeff${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
}
