/**
 * Right of access (DOMAIN §3, RGPD art. 15): a DSU's whole content as a French PDF for the
 * person, or as JSON for a transfer. Restricted notes the exporter may not read are left out,
 * and the PDF says how many.
 */
import type { ExportPart } from '../../api/app';
import type { DsuOut } from './contract';
import { frDate, label, roleLabel } from './labels';
import { FONT, openPdf } from '../../shared/pdf';
import { agree, personName, postalLine } from '../../shared/french';

export interface ExportData {
  site: { name: string; code: string };
  exportedAt: string;
  exportedBy: string;
  dsu: DsuOut;
  hiddenNotes: number;
  /** Other modules' parts of the file (registry `dsuExport`: the aid requests…). */
  parts: ExportPart[];
}

const MARGIN = 56;

export function renderPdf(data: ExportData): Promise<Buffer> {
  const pdf = openPdf({ title: `Dossier social unique n° ${data.dsu.number}`, author: data.site.name, margin: MARGIN });
  const { doc } = pdf;
  const d = data.dsu;
  const width = pdf.width;

  const heading = (t: string) => {
    // Room for the heading and a first entry, so that no heading ends a page alone.
    if (doc.y > doc.page.height - 190) doc.addPage();
    doc.moveDown(0.8).font(FONT.bold).fontSize(13).fillColor('#1d3557').text(t, { width, structType: 'H2' });
    pdf.rule();
    doc.moveDown(0.5).font(FONT.regular).fontSize(10).fillColor('#000');
  };
  const line = (k: string, v: string) => {
    doc.font(FONT.bold).text(`${k} : `, { continued: true, width }).font(FONT.regular).text(v || '—');
  };
  const none = (t: string) => doc.font(FONT.italic).text(t).font(FONT.regular);

  doc.font(FONT.bold).fontSize(18).text(data.site.name, { width });
  doc.font(FONT.regular).fontSize(11).text('Service social départemental — Dossier Social Unique', { width });
  doc.moveDown(0.5).font(FONT.bold).fontSize(15).text(`Dossier n° ${d.number}`, { width, structType: 'H1' });
  doc.font(FONT.regular).fontSize(9).fillColor('#444')
    .text(`Copie remise au titre du droit d’accès aux données personnelles (RGPD, article 15). Éditée le ${frDate(data.exportedAt)} par ${data.exportedBy}.`, { width })
    .fillColor('#000');

  heading('Le dossier');
  line('Statut', `${label(d.status)}${d.closeReason ? ` (${label(d.closeReason)})` : ''}`);
  line('Ouvert le', frDate(d.openedAt));
  if (d.closedAt) line('Clos le', frDate(d.closedAt));
  if (d.archivedAt) line('Archivé le', frDate(d.archivedAt));
  line('Dernier contact', frDate(d.lastContactOn));
  line('Référent social', d.referent.displayName);
  for (const i of d.intervenants) line(`Co-intervention${i.endedOn ? ` jusqu’au ${frDate(i.endedOn)}` : ''}`, `${i.user?.displayName ?? i.externalName ?? ''} — ${i.mission}`);

  heading('Le foyer');
  line('Adresse', postalLine(d.household));
  for (const m of d.household.members) {
    const who = personName(m, { withBirthName: true });
    line(roleLabel(m.role, m.sex), `${who}${m.birthDate ? `, ${agree(m.sex, 'né', 'née')} le ${frDate(m.birthDate)}` : ''}${m.phone ? `, tél. ${m.phone}` : ''}${m.email ? `, ${m.email}` : ''}`);
  }

  heading('Journal des interventions');
  if (!d.journal.length) none('Aucune intervention enregistrée.');
  for (const e of [...d.journal].reverse()) {
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc.font(FONT.bold).text(`${frDate(e.occurredOn)} — ${label(e.type)} — ${label(e.field)}`, { width });
    doc.font(FONT.regular).fillColor('#444').text(`Par ${e.authors.map((a) => a.displayName).join(' et ')}${e.partner ? ` — partenaire : ${e.partner.name}` : ''}`, { width }).fillColor('#000');
    doc.text(e.summary, { width });
    if (e.restrictedNote) doc.font(FONT.italic).text(`Note restreinte : ${e.restrictedNote}`, { width }).font(FONT.regular);
    doc.moveDown(0.4);
  }
  if (data.hiddenNotes > 0) {
    none(`${data.hiddenNotes > 1 ? `${data.hiddenNotes} notes restreintes non incluses : elles ne sont lisibles` : 'Une note restreinte non incluse : elle n’est lisible'} que par ${data.hiddenNotes > 1 ? 'leur' : 'son'} auteur et la référente ou le référent du dossier.`);
  }

  heading('Documents conservés');
  if (!d.documents.length) none('Aucun document.');
  for (const x of d.documents) line(frDate(x.docDate), `${x.title} (${label(x.kind)}, ${Math.max(1, Math.round(x.size / 1024))} Ko)`);

  heading('Consentements au partage d’informations');
  if (!d.consents.length) none('Aucun consentement enregistré.');
  for (const c of d.consents) {
    line(`${c.person.name} → ${c.recipient}`, `${c.scope} (${label(c.form)}, le ${frDate(c.givenOn)})${c.withdrawnOn ? ` — RETIRÉ le ${frDate(c.withdrawnOn)}` : ''}`);
  }

  for (const part of data.parts) {
    heading(part.title);
    if (!part.entries.length) none(part.empty);
    for (const e of part.entries) {
      if (doc.y > doc.page.height - 120) doc.addPage();
      doc.font(FONT.bold).text(e.heading, { width });
      for (const f of e.fields) line(f.label, f.value);
      doc.moveDown(0.4);
    }
  }

  heading('Vos droits');
  doc.text(
    'Vous pouvez demander la rectification des informations inexactes et, dans les limites prévues par la loi, l’effacement ou la limitation de leur traitement, auprès du service social de la Maison Départementale des Solidarités ou du délégué à la protection des données du Département. Vous pouvez aussi saisir la CNIL (www.cnil.fr).',
    { width },
  );

  pdf.footer(`${d.number} — document confidentiel`);
  return pdf.end();
}
