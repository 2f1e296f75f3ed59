/**
 * The evaluation's documents: the report as a French tagged PDF, structured by the national
 * référentiel's domains (for the cell, CASF L226-3), and the anonymised statistics sheets (CSV
 * or XLSX, for the observatoire départemental, CASF L226-3-1) — no name, birth date, address
 * nor free text in them.
 */
import ExcelJS from 'exceljs';
import type { CallContext } from '../../api/app';
import { FONT, openPdf } from '../../shared/pdf';
import { frDate, localDay } from '../../shared/time';
import type { EvaluationOut } from './contract';
import {
  DANGER_KIND_LABELS_FR,
  DANGER_LEVEL_LABELS_FR,
  DOMAIN_LABELS_ADULT_FR,
  DOMAIN_LABELS_FR,
  DOMAINS,
  ENTRY_LABELS_FR,
  INFORMED_HOW_LABELS_FR,
  KIND_LABELS_FR,
  ORIGIN_LABELS_FR,
  PROPOSAL_LABELS_FR,
} from './kinds';
import { siteRow } from './outside';
import { SHEET_COLUMNS, sheetCsv, sheetRows, type SheetSource } from './rules';

const MARGIN = 50;

export async function reportPdf(ctx: CallContext, e: EvaluationOut): Promise<Buffer> {
  const site = siteRow(ctx.app.vault.db);
  const title = `Rapport d’évaluation — ${KIND_LABELS_FR[e.kind]}`;
  const p = openPdf({ title, author: site.name, margin: MARGIN, subject: 'Document confidentiel — protection' });
  const { doc, width } = p;
  const { heading, line } = p;
  const para = (t: string) => doc.font(FONT.regular).text(t || '—', { width });
  const child = e.kind === 'ip';
  const labels = child ? DOMAIN_LABELS_FR : DOMAIN_LABELS_ADULT_FR;

  doc.font(FONT.bold).fontSize(16).text(site.name, { width });
  doc.font(FONT.regular).fontSize(11).text('Service social départemental', { width });
  doc.moveDown(0.5).font(FONT.bold).fontSize(15).text(title, { width, structType: 'H1' });
  doc.font(FONT.regular).fontSize(9).fillColor('#444').text(`Document confidentiel, transmis à la cellule départementale. Édité le ${frDate(localDay(ctx.now))}.`, { width }).fillColor('#000');

  heading('Réception et équipe');
  line('Reçue par le département le', frDate(e.receivedOn));
  line('Origine', ORIGIN_LABELS_FR[e.origin]);
  if (e.cellReference) line('Référence de la cellule', e.cellReference);
  if (e.due) line('À rendre au plus tard le', `${frDate(e.due.due)} (${e.due.rule})`);
  line('Équipe d’évaluation', e.members.map((m) => `${m.name}${m.role ? ` (${m.role})` : ''}`).join(', '));
  if (e.facts) {
    doc.font(FONT.bold).text('Faits transmis :', { width });
    para(e.facts);
  }

  heading(child ? 'Enfants concernés et mineurs du foyer' : 'Personne concernée');
  for (const x of e.persons) line(x.role === 'concerne' ? (child ? 'Enfant concerné' : 'Personne concernée') : 'Autre mineur du foyer', `${x.name}${x.birthDate ? `, né(e) le ${frDate(x.birthDate)}` : ''}${x.age !== null ? ` (${x.age} ans à la réception)` : ''}`);

  heading(child ? 'Information des parents' : 'Information de la personne');
  if (e.informedOn) para(`Informés le ${frDate(e.informedOn)}${e.informedHow ? ` ${INFORMED_HOW_LABELS_FR[e.informedHow]}` : ''}.`);
  else if (e.notInformedReason) para(`Non informés, l’information étant contraire à l’intérêt ${child ? 'de l’enfant' : 'de la personne'} : ${e.notInformedReason}`);
  else para('Non renseigné.');

  heading('Entretiens et visites');
  if (e.journal.length === 0) para('Aucun entretien enregistré.');
  for (const j of e.journal) {
    doc.font(FONT.bold).text(`${frDate(j.occurredOn)} — ${ENTRY_LABELS_FR[j.type]} (${j.recordedBy.displayName})`, { width, structType: 'H3' });
    para(j.summary);
    doc.moveDown(0.3);
  }

  for (const d of DOMAINS) {
    heading(labels[d]);
    para(e.domains[d] ?? '');
  }

  heading('Évaluation du danger');
  line('Conclusion', e.dangerLevel ? DANGER_LEVEL_LABELS_FR[e.dangerLevel] : 'non renseignée');
  if (e.dangerKinds.length > 0) line('Nature', e.dangerKinds.map((k) => DANGER_KIND_LABELS_FR[k]).join(', '));

  heading('Propositions');
  if (e.proposals.length === 0) para('Aucune proposition enregistrée.');
  for (const x of e.proposals) doc.text(`• ${PROPOSAL_LABELS_FR[x]}`, { width, structType: 'LI' });
  if (e.proposalsNote) {
    doc.moveDown(0.3);
    para(e.proposalsNote);
  }

  heading('Transmission');
  line('Envoi du rapport à la cellule', e.sentOn ? `le ${frDate(e.sentOn)}` : 'pas encore envoyé');
  line('Entretien d’annonce des propositions à la famille', e.announcedOn ? `le ${frDate(e.announcedOn)}${e.announcedBy ? `, par ${e.announcedBy.displayName}` : ''}` : 'pas encore eu lieu');
  p.footer(`${e.kind === 'ip' ? 'Information préoccupante' : 'Information signalante'} n° ${e.id} — document confidentiel`);
  return await p.end();
}

const CSV_MIME = 'text/csv;charset=utf-8';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheetXlsx(sources: readonly SheetSource[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Passeur';
  const ws = wb.addWorksheet('Fiches statistiques');
  ws.columns = SHEET_COLUMNS.map((c, i) => ({ header: c.header, key: `c${i}`, width: Math.min(40, Math.max(12, c.header.length)) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  for (const r of sheetRows(sources)) ws.addRow(r);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function sheetFile(sources: readonly SheetSource[], format: 'csv' | 'xlsx', base: string): Promise<{ fileName: string; mime: string; contentBase64: string }> {
  if (format === 'csv') return { fileName: `${base}.csv`, mime: CSV_MIME, contentBase64: Buffer.from(sheetCsv(sources), 'utf8').toString('base64') };
  return { fileName: `${base}.xlsx`, mime: XLSX_MIME, contentBase64: (await sheetXlsx(sources)).toString('base64') };
}
