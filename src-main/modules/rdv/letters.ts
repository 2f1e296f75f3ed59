/**
 * The agenda's printed documents, in French (DOMAIN §7): the convocation sent to a person
 * (the site's logo and postal block, the person's postal address, where, when, with whom,
 * what to bring) and the list of the next day's reminders (who, when, with whom, the phone to
 * call). Both are written by `openPdf`, as every document of the app: embedded font, tagged.
 */
import { frDate } from '../../shared/time';
import { FONT, letterHead, openPdf, siteHeading, table, type SiteBlock } from '../../shared/pdf';

export { siteHeading, type SiteBlock };
import { frLongDate, plural } from '../../shared/french';

const MARGIN = 60;

/** `2026-12-01T09:30` → `9 h 30`; `14:00` → `14 h`. */
export function frTime(local: string): string {
  const [h, min] = local.slice(-5).split(':') as [string, string];
  return `${Number(h)} h${min === '00' ? '' : ` ${min}`}`;
}

/** `0671223344` → `06 71 22 33 44` (French numbers by pairs); anything else as stored. */
export const frPhone = (digits: string) => (/^0\d{9}$/.test(digits) ? digits.replace(/(\d{2})(?=\d)/g, '$1 ') : digits);


export interface ConvocationData {
  site: SiteBlock;
  /** The site's logo (admin setting), above its postal block. */
  logo?: { data: Buffer } | null;
  today: string;
  /** `salutation` opens the letter ("Madame,"); `lines` is the postal address under the name (`postalLines`). */
  recipient: { name: string; salutation: string; lines: string[] };
  startsAt: string;
  endsAt: string;
  kindLabel: string;
  place: string;
  professional: string;
  bring: string[];
}

export function renderConvocation(d: ConvocationData): Promise<Buffer> {
  const pdf = openPdf({ title: `Convocation à un rendez-vous le ${frLongDate(d.startsAt, { weekday: true })}`, author: d.site.name, margin: MARGIN });
  const { doc, width } = pdf;
  const half = width / 2 - 10;
  const right = MARGIN + width / 2;
  const para = (s: string) => doc.font(FONT.regular).fontSize(10.5).fillColor('#000').text(s, MARGIN, doc.y, { width, align: 'justify' }).moveDown(0.6);

  letterHead(pdf, { site: d.site, logo: d.logo, recipient: d.recipient, today: d.today });
  doc.font(FONT.bold).text('Objet : convocation à un rendez-vous', MARGIN, doc.y, { width, structType: 'H1' }).moveDown(1);

  para(d.recipient.salutation);
  para(`Vous êtes invité(e) à un rendez-vous (${d.kindLabel.toLowerCase()}) avec ${d.professional} :`);
  const box = (label: string, value: string) => {
    doc.font(FONT.regular).fontSize(10.5).text(`${label} : `, MARGIN + 14, doc.y, { width: width - 14, continued: true }).font(FONT.bold).text(value);
  };
  box('Date', frLongDate(d.startsAt, { weekday: true }));
  box('Heure', `${frTime(d.startsAt)} (jusqu’à ${frTime(d.endsAt)} environ)`);
  box('Lieu', d.place);
  doc.moveDown(0.8);
  if (d.bring.length) {
    para('Merci d’apporter :');
    for (const b of d.bring) doc.font(FONT.regular).fontSize(10.5).text(`• ${b}`, MARGIN + 14, doc.y, { width: width - 14 });
    doc.moveDown(0.8);
  }
  const phone = d.site.phone ? ` au ${d.site.phone}` : '';
  para(`Si vous ne pouvez pas venir, merci de nous prévenir${phone} le plus tôt possible : un autre rendez-vous vous sera proposé.`);
  para('Veuillez agréer l’expression de nos salutations distinguées.');
  // Signed by the professional; the site's name stays once, in the heading.
  if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
  doc.moveDown(1).font(FONT.bold).text(d.professional, right, doc.y, { width: half });
  doc.x = MARGIN;
  pdf.footer('Convocation — document personnel');
  return pdf.end();
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
  const pdf = openPdf({ title: `Rendez-vous à rappeler — ${frLongDate(d.day, { weekday: true })}`, author: d.site.name, margin: MARGIN, layout: 'landscape' });
  const { doc, width } = pdf;
  doc.font(FONT.bold).fontSize(14).text(`Rendez-vous à rappeler — ${frLongDate(d.day, { weekday: true })}`, { width, structType: 'H1' });
  doc.font(FONT.regular).fontSize(9.5).fillColor('#444').text(`${siteHeading(d.site).title} — liste éditée le ${frDate(d.today)} : ${plural(d.rows.length, 'rendez-vous prévu', 'rendez-vous prévus')}. Document confidentiel.`, { width }).fillColor('#000');
  doc.moveDown(0.8);
  const cols = [
    { label: 'Heure', w: 95 },
    { label: 'Personne', w: 170 },
    { label: 'Téléphone', w: 100 },
    { label: 'Avec', w: 130 },
    { label: 'Lieu', w: width - 95 - 170 - 100 - 130 - 45 },
    { label: 'Appelé', w: 45 },
  ];
  // A table for a reader: a row of column headers, then a row per appointment.
  table(
    pdf,
    cols.map((c) => ({ label: c.label, width: c.w })),
    d.rows.map((r) => ({ cells: [`${frTime(r.startsAt)} – ${frTime(r.endsAt)}`, r.name, frPhone(r.phone) || 'pas de numéro', r.professional, `${r.place} (${r.kindLabel.toLowerCase()})`, ''] })),
  );
  if (d.rows.length === 0) doc.font(FONT.italic).fontSize(10).text('Aucun rendez-vous prévu ce jour-là.', MARGIN, doc.y, { width });
  pdf.footer(`Rappels du ${frDate(d.day)} — confidentiel`);
  return pdf.end();
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
