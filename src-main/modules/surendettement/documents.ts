/**
 * The file's documents: a French PDF summary to attach to the Banque de France deposit (the
 * household, the budget and assets, the debts table, the capacity with its figures and the
 * procedure), and the debts list as a spreadsheet (one sheet « Dettes », amounts in euros as
 * numbers with a € format, a totals row).
 */
import ExcelJS from 'exceljs';
import type { CallContext } from '../../api/app';
import { euros } from '../../shared/money';
import { FONT, openPdf, table } from '../../shared/pdf';
import { agree, personName, plural, postalLine } from '../../shared/french';
import { frDate, localDay } from '../../shared/time';
import { KIND_LABELS_FR } from '../budget';
import type { FileOut } from './contract';
import { NATURE_LABELS_FR, PROCEEDINGS_LABELS_FR, STAGE_LABELS_FR, type ASSET_KINDS } from './kinds';
import { householdOf, siteRow } from './outside';
import { getFile } from './repo';

const ASSET_LABELS_FR: Record<(typeof ASSET_KINDS)[number], string> = { immobilier: 'Bien immobilier', vehicule: 'Véhicule', epargne: 'Épargne', autre: 'Autre bien' };
const DECISION_LABELS_FR: Record<string, string> = {
  recevable: 'recevable',
  irrecevable: 'irrecevable',
  plan_conventionnel: 'plan conventionnel de redressement',
  mesures_imposees: 'mesures imposées',
  rp_sans_liquidation: 'rétablissement personnel sans liquidation judiciaire',
  rp_avec_liquidation: 'rétablissement personnel avec liquidation judiciaire',
};

const MARGIN = 50;

function fileName(f: FileOut, ext: string): string {
  return `surendettement-${f.dsu.number}-${f.id}.${ext}`;
}

async function pdf(ctx: CallContext, f: FileOut): Promise<Buffer> {
  const db = ctx.app.vault.db;
  const site = siteRow(db);
  const household = householdOf(db, getFile(db, f.id)!.householdId);
  const p = openPdf({ title: `Dossier de surendettement — ${f.household}`, author: site.name, margin: MARGIN, subject: 'Synthèse pour le dépôt à la Banque de France' });
  const { doc, width } = p;
  const { heading, line } = p;
  const { none } = p;

  doc.font(FONT.bold).fontSize(16).text(site.name, { width });
  doc.font(FONT.regular).fontSize(11).text('Service social départemental — accompagnement au dossier de surendettement', { width });
  doc.moveDown(0.5).font(FONT.bold).fontSize(15).text(`Dossier de surendettement — ${f.household}`, { width, structType: 'H1' });
  doc.font(FONT.regular).fontSize(9).fillColor('#444').text(`Synthèse jointe au dépôt à la Banque de France. DSU n° ${f.dsu.number}. Suivi par ${f.referent.displayName}. Éditée le ${frDate(localDay(ctx.now))}.`, { width }).fillColor('#000');

  heading('Le foyer');
  if (household) {
    line('Adresse', postalLine(household));
    for (const m of household.members) line(m.role === 'demandeur' ? 'Demandeur' : m.role === 'conjoint' ? 'Conjoint' : m.role === 'enfant' ? 'Enfant à charge' : 'Autre personne', `${personName(m, { withBirthName: true })}${m.birthDate ? `, ${agree(m.sex, 'né', 'née')} le ${frDate(m.birthDate)}` : ''}`);
  }
  if (f.budget) line('Composition retenue', `${f.budget.adults === 2 ? 'couple' : 'personne seule'}, ${f.budget.dependants === 0 ? 'aucune personne à charge' : plural(f.budget.dependants, 'personne à charge', 'personnes à charge')}`);

  heading('Budget mensuel');
  if (!f.budget) none('Aucun budget enregistré.');
  else {
    const b = f.budget;
    doc.text(`Budget au ${frDate(b.validOn)}${b.takenFrom ? `, repris de la situation du foyer du ${frDate(b.takenFrom)}` : ''}.`, { width });
    const res = b.budget.resources.reduce((sum, r) => sum + r.amountCents, 0);
    const ch = b.budget.charges.reduce((sum, r) => sum + r.amountCents, 0);
    const named = (kind: keyof typeof KIND_LABELS_FR, label: string | null | undefined) => `${KIND_LABELS_FR[kind]}${label ? ` (${label})` : ''}`;
    doc.moveDown(0.3);
    table(
      p,
      [
        { label: 'Ligne du budget', width: width - 130 },
        { label: 'Montant mensuel', width: 130, align: 'right' },
      ],
      [
        ...b.budget.resources.map((r) => ({ cells: [`Ressource : ${named(r.kind, r.label)}`, euros(r.amountCents)] })),
        { cells: ['Total des ressources', euros(res)], strong: true },
        ...b.budget.charges.map((c) => ({ cells: [`Charge : ${named(c.kind, c.label)}`, euros(c.amountCents)] })),
        { cells: ['Total des charges', euros(ch)], strong: true },
        { cells: ['Reste (ressources moins charges)', euros(res - ch)], strong: true },
      ],
    );
    doc.moveDown(0.4);
    if (b.assets.length === 0) line('Patrimoine', 'aucun bien déclaré');
    else
      table(
        p,
        [
          { label: 'Patrimoine', width: width - 130 },
          { label: 'Valeur', width: 130, align: 'right' },
        ],
        b.assets.map((a) => ({ cells: [`${ASSET_LABELS_FR[a.kind]}${a.label ? ` (${a.label})` : ''}`, euros(a.valueCents)] })),
      );
  }

  heading('Dettes');
  if (f.debts.length === 0) none('Aucune dette enregistrée.');
  else {
    const w = [0.22, 0.16, 0.13, 0.12, 0.11, 0.14, 0.12].map((x) => Math.floor(width * x));
    table(
      p,
      [
        { label: 'Créancier', width: w[0]! },
        { label: 'Nature', width: w[1]! },
        { label: 'Montant dû', width: w[2]!, align: 'right' },
        { label: 'Mensualité', width: w[3]!, align: 'right' },
        { label: 'Date', width: w[4]! },
        { label: 'Procédure', width: w[5]! },
        { label: 'Caution', width: w[6]! },
      ],
      [
        ...f.debts.map((d) => ({
          cells: [d.creditor, `${NATURE_LABELS_FR[d.nature]}${d.mainResidence ? ' (résidence principale)' : ''}`, euros(d.amountCents), euros(d.monthlyCents), d.debtDate ? frDate(d.debtDate) : '—', PROCEEDINGS_LABELS_FR[d.proceedings], d.guarantor || '—'],
        })),
        ...f.totals.byNature.map((t) => ({ cells: [`Total ${NATURE_LABELS_FR[t.nature].toLowerCase()}`, plural(t.count, 'dette', 'dettes'), euros(t.amountCents), euros(t.monthlyCents), '', '', ''] })),
        { cells: ['Total des dettes', plural(f.debts.length, 'dette', 'dettes'), euros(f.totals.amountCents), euros(f.totals.monthlyCents), '', '', ''], strong: true },
      ],
      { fontSize: 8.5 },
    );
  }

  heading('Capacité de remboursement');
  if (!f.capacity) none(f.capacityError ?? 'Non calculée.');
  else {
    line('Capacité mensuelle de remboursement', euros(f.capacity.capacityCents));
    for (const s of f.capacity.explanation) doc.text(s, { width });
    doc.moveDown(0.3).fontSize(8).fillColor('#444');
    for (const x of f.capacity.parameters) doc.text(`${x.label} (en vigueur au ${frDate(x.from)}) : ${x.source}`, { width });
    doc.fontSize(10).fillColor('#000');
  }
  for (const w of f.warnings) doc.font(FONT.bold).fillColor('#8a1c1c').text(w, { width }).font(FONT.regular).fillColor('#000');

  if (f.stages.length > 0) {
    heading('Procédure');
    for (const s of f.stages) {
      const decision = s.decision ? ` — ${DECISION_LABELS_FR[s.decision] ?? s.decision}` : '';
      line(frDate(s.day), `${STAGE_LABELS_FR[s.kind]}${decision}${s.notifiedOn ? ` (notifiée le ${frDate(s.notifiedOn)})` : ''}${s.plan ? ` ; ${s.plan.months} mois à ${euros(s.plan.monthlyCents)} à partir du ${frDate(s.plan.start)}` : ''}`);
    }
  }
  p.footer(`Surendettement — ${f.dsu.number} — document confidentiel`);
  return await p.end();
}

async function xlsx(f: FileOut): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Passeur';
  const ws = wb.addWorksheet('Dettes');
  ws.columns = [
    { header: 'Créancier', key: 'creditor', width: 36 },
    { header: 'Nature', key: 'nature', width: 26 },
    { header: 'Montant dû (€)', key: 'amount', width: 16 },
    { header: 'Mensualité (€)', key: 'monthly', width: 16 },
    { header: 'Date de la dette', key: 'date', width: 16 },
    { header: 'Procédure en cours', key: 'proceedings', width: 20 },
    { header: 'Caution', key: 'guarantor', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const d of f.debts) {
    ws.addRow({
      creditor: d.creditor,
      nature: NATURE_LABELS_FR[d.nature],
      amount: d.amountCents / 100,
      monthly: d.monthlyCents / 100,
      date: d.debtDate ? frDate(d.debtDate) : '',
      proceedings: PROCEEDINGS_LABELS_FR[d.proceedings],
      guarantor: d.guarantor,
    });
  }
  const total = ws.addRow({ creditor: 'Total', amount: f.totals.amountCents / 100, monthly: f.totals.monthlyCents / 100 });
  total.font = { bold: true };
  for (const key of ['amount', 'monthly']) ws.getColumn(key).numFmt = '#,##0.00 "€"';
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function renderDocument(ctx: CallContext, f: FileOut, format: 'pdf' | 'xlsx'): Promise<{ fileName: string; mime: string; contentBase64: string }> {
  if (format === 'pdf') return { fileName: fileName(f, 'pdf'), mime: 'application/pdf', contentBase64: (await pdf(ctx, f)).toString('base64') };
  return { fileName: fileName(f, 'xlsx'), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: (await xlsx(f)).toString('base64') };
}
