/**
 * A person's right-of-access copy (RGPD art. 15, DOMAIN §3) as a French PDF: the person's
 * identity, then each module's part (registry `personExport`), then the person's rights.
 */
import PDFDocument from 'pdfkit';
import type { ExportPart } from '../../api/app';
import { frDate } from '../../shared/time';

export interface AccessCopy {
  site: { name: string };
  exportedOn: string;
  exportedBy: string;
  personName: string;
  parts: ExportPart[];
}

const MARGIN = 56;

export function renderAccessPdf(data: AccessCopy): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: 'Copie des données personnelles', Author: data.site.name } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;

  doc.font('Helvetica-Bold').fontSize(18).text(data.site.name, { width });
  doc.font('Helvetica').fontSize(11).text('Service social départemental', { width });
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(15).text(`Vos données personnelles — ${data.personName}`, { width });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#444')
    .text(`Copie remise au titre du droit d’accès (RGPD, article 15). Éditée le ${frDate(data.exportedOn)} par ${data.exportedBy}. Elle contient tout ce que le service enregistre vous concernant.`, { width })
    .fillColor('#000');

  for (const part of data.parts) {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#1d3557').text(part.title, { width });
    doc.moveTo(MARGIN, doc.y + 2).lineTo(MARGIN + width, doc.y + 2).strokeColor('#1d3557').lineWidth(0.5).stroke();
    doc.moveDown(0.5).font('Helvetica').fontSize(10).fillColor('#000');
    if (!part.entries.length) doc.font('Helvetica-Oblique').text(part.empty, { width }).font('Helvetica');
    for (const e of part.entries) {
      if (doc.y > doc.page.height - 110) doc.addPage();
      doc.font('Helvetica-Bold').text(e.heading, { width });
      for (const f of e.fields) doc.font('Helvetica-Bold').text(`${f.label} : `, { continued: true, width }).font('Helvetica').text(f.value || '—');
      doc.moveDown(0.4);
    }
  }

  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#1d3557').text('Vos droits', { width });
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#000').text(
    'Vous pouvez demander la rectification des informations inexactes et, dans les limites prévues par la loi, l’effacement ou la limitation de leur traitement, auprès du service social de la Maison Départementale des Solidarités ou du délégué à la protection des données du Département. Vous pouvez aussi saisir la CNIL (www.cnil.fr).',
    { width },
  );

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#666').text(`Page ${i + 1} sur ${range.count} — document confidentiel`, MARGIN, doc.page.height - 40, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
