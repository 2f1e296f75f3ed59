/**
 * A person's right-of-access copy (RGPD art. 15, DOMAIN §3) as a French PDF: the person's
 * identity, then each module's part (registry `personExport`), then the person's rights.
 */
import type { ExportPart } from '../../api/app';
import { frDate } from '../../shared/time';
import { FONT, openPdf } from '../../shared/pdf';

export interface AccessCopy {
  site: { name: string };
  exportedOn: string;
  exportedBy: string;
  personName: string;
  parts: ExportPart[];
}

const MARGIN = 56;

export function renderAccessPdf(data: AccessCopy): Promise<Buffer> {
  const pdf = openPdf({ title: `Copie des données personnelles — ${data.personName}`, author: data.site.name, margin: MARGIN });
  const { doc } = pdf;
  const width = pdf.width;

  doc.font(FONT.bold).fontSize(18).text(data.site.name, { width });
  doc.font(FONT.regular).fontSize(11).text('Service social départemental', { width });
  doc.moveDown(0.5).font(FONT.bold).fontSize(15).text(`Vos données personnelles — ${data.personName}`, { width, structType: 'H1' });
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor('#444')
    .text(`Copie remise au titre du droit d’accès (RGPD, article 15). Éditée le ${frDate(data.exportedOn)} par ${data.exportedBy}. Elle contient tout ce que le service enregistre vous concernant.`, { width })
    .fillColor('#000');

  for (const part of data.parts) {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.8).font(FONT.bold).fontSize(13).fillColor('#1d3557').text(part.title, { width, structType: 'H2' });
    pdf.rule();
    doc.moveDown(0.5).font(FONT.regular).fontSize(10).fillColor('#000');
    if (!part.entries.length) doc.font(FONT.italic).text(part.empty, { width }).font(FONT.regular);
    for (const e of part.entries) {
      if (doc.y > doc.page.height - 110) doc.addPage();
      doc.font(FONT.bold).text(e.heading, { width });
      for (const f of e.fields) doc.font(FONT.bold).text(`${f.label} : `, { continued: true, width }).font(FONT.regular).text(f.value || '—');
      doc.moveDown(0.4);
    }
  }

  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.moveDown(0.8).font(FONT.bold).fontSize(13).fillColor('#1d3557').text('Vos droits', { width, structType: 'H2' });
  doc.moveDown(0.3).font(FONT.regular).fontSize(10).fillColor('#000').text(
    'Vous pouvez demander la rectification des informations inexactes et, dans les limites prévues par la loi, l’effacement ou la limitation de leur traitement, auprès du service social de la Maison Départementale des Solidarités ou du délégué à la protection des données du Département. Vous pouvez aussi saisir la CNIL (www.cnil.fr).',
    { width },
  );

  pdf.footer('Document confidentiel');
  return pdf.end();
}
