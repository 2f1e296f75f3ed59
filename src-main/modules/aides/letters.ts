/**
 * The documents of the aid workflow, in French (DOMAIN §4.4, §4.6): the decision letter to
 * the applicant (accord with amount and payment; refus with its reasons; ajournement with the
 * missing documents; a refusal or a partial grant carries the means and delays of appeal,
 * dated data in `resources/parameters/`, without the recours gracieux on a decision taken on
 * one), headed by the site's postal block, addressed to the household's postal address and
 * signed as the decision was taken; and the commission's agenda, which names a person only
 * while their consent is in force.
 */
import type { AidOut } from './contract';
import { natureLabel } from './kinds';
import { euros } from '../../shared/money';
import { fileParameters, type AppealStage, type ParameterLookup } from '../../shared/parameters';
import { frDate } from '../../shared/time';
import { FONT, letterHead, openPdf } from '../../shared/pdf';
import { frLongDate, plural } from '../../shared/french';

const MARGIN = 60;

const PAYMENT: Record<string, string> = {
  virement_beneficiaire: 'par virement sur votre compte',
  virement_tiers: 'par virement directement à',
  cheques_accompagnement: 'en chèques d’accompagnement personnalisé',
};
const PAYEE: Record<string, string> = {
  beneficiaire: 'vous-même',
  bailleur: 'votre bailleur',
  fournisseur_energie: 'votre fournisseur d’énergie',
  fournisseur_eau: 'votre fournisseur d’eau',
  etablissement: 'l’établissement',
  autre_tiers: '',
};

export interface LetterData {
  /** The site and its postal block (empty fields are left out). */
  site: { name: string; code: string; serviceName: string; addressLines: string[]; postcode: string; city: string; phone: string };
  today: string;
  /** Where the legal parameters are read (the app's: files plus the administrator's entries). */
  parameters?: ParameterLookup;
  aid: AidOut;
  decision: AidOut['decisions'][number];
  /** `salutation` opens the letter ("Madame,"); `lines` is the postal address under the name. */
  recipient: { name: string; salutation: string; lines: string[] };
  /** The site's logo (admin setting), above its postal block. */
  logo?: { data: Buffer } | null;
}

/** A decision the person may want to contest: a refusal, or a grant below the amount asked. */
export const isAdverse = (aid: Pick<AidOut, 'amountCents'>, dec: Pick<AidOut['decisions'][number], 'decision' | 'grantedCents'>) =>
  dec.decision === 'refusee' || (dec.decision === 'accordee' && (dec.grantedCents ?? 0) < aid.amountCents);

/**
 * The appeal mentions in force on the day of the letter for a decision taken on the request
 * (`initiale`) or on the person's recours gracieux (`sur_recours`: the recours gracieux is not
 * offered again, the API refusing a second one), the delay written in (dated data, each mention
 * saying on which letters it is printed, with their sources).
 */
export function appealMentions(day: string, stage: AppealStage, parameters: ParameterLookup = fileParameters): { titre: string; texte: string; source: string }[] {
  const months = parameters('recours_delai', day).value.months;
  return parameters('mentions_recours', day)
    .value.mentions.filter((m) => m.decisions.includes(stage))
    .map(({ titre, texte, source }) => ({ titre, source, texte: texte.replace(/\{delai\}/g, `${months} mois`) }));
}

/** The site's heading: what the administrator set, else the site's name and the département's service. */
/** Under the site's name when the administrator set no service name. */
export const DEPARTMENT_SERVICE = 'Conseil départemental — Service social départemental';

/** Signed as the decision was taken: by delegation of the Président, or the commission's decision notified by a responsable. */
export function signatureLines(dec: AidOut['decisions'][number]): { before: string[]; name: string; after: string } {
  const after = 'Responsable de la Maison Départementale des Solidarités';
  if (dec.body === 'commission') {
    return { before: [`Décision de la commission des aides financières du ${frDate(dec.commission?.heldOn ?? dec.decidedOn)},`, 'notifiée par'], name: dec.decidedBy.displayName, after };
  }
  return { before: ['Par délégation du Président du Conseil départemental,'], name: dec.decidedBy.displayName, after };
}

export function renderLetter(d: LetterData): Promise<Buffer> {
  const pdf = openPdf({ title: `Décision sur la demande d’aide financière n° ${d.aid.number}`, author: d.site.name, margin: MARGIN });
  const { doc, width } = pdf;
  const a = d.aid;
  const dec = d.decision;
  const para = (s: string, opts: PDFKit.Mixins.TextOptions = {}) => doc.font(FONT.regular).fontSize(10.5).fillColor('#000').text(s, { width, align: 'justify', ...opts }).moveDown(0.6);
  const half = width / 2 - 10;
  const right = MARGIN + width / 2;
  /** An indented block: every line indented, not only the first. */
  const indented = (s: string, font: string) => doc.font(font).fontSize(10.5).fillColor('#000').text(s, MARGIN + 14, doc.y, { width: width - 14 });

  letterHead(pdf, { site: d.site, fallback: DEPARTMENT_SERVICE, logo: d.logo, recipient: d.recipient, today: d.today });
  doc.font(FONT.bold).text(`Objet : votre demande d’aide financière n° ${a.number} — ${a.dispositifLabel}`, MARGIN, doc.y, { width, structType: 'H1' });
  doc.font(FONT.regular).text(`Dossier suivi par ${a.dsu.referent.displayName}, dossier social n° ${a.dsu.number}`, { width }).moveDown(1);

  const who = dec.body === 'commission' ? `décision de la commission des aides financières, réunie le ${frDate(dec.commission?.heldOn ?? dec.decidedOn)}` : `décision du ${frDate(dec.decidedOn)}`;
  const after = dec.appeal ? ` Cette décision est prise sur le recours gracieux que vous avez formé le ${frDate(a.appealOn)}.` : '';
  para(d.recipient.salutation);
  para(`Vous avez sollicité le ${frDate(a.requestedOn)} une aide financière de ${euros(a.amountCents)} au titre du dispositif « ${a.dispositifLabel} », pour l’objet suivant : ${a.object}.`);

  if (dec.decision === 'accordee') {
    const granted = dec.grantedCents ?? 0;
    const less = granted < a.amountCents ? ` (pour ${euros(a.amountCents)} demandés)` : '';
    let how: string;
    if (dec.paymentMode === 'cheques_accompagnement') {
      const value = dec.cheques > 0 ? Math.floor(granted / dec.cheques) : granted;
      how = `sous la forme de ${plural(dec.cheques, 'chèque d’accompagnement personnalisé', 'chèques d’accompagnement personnalisé')} de ${euros(value)}, ${dec.cheques > 1 ? 'valables' : 'valable'} jusqu’au ${frLongDate(`${dec.decidedOn.slice(0, 4)}-12-31`)}`;
    } else if (dec.paymentMode === 'virement_tiers') {
      how = `par virement directement à ${[PAYEE[dec.payeeKind ?? ''] ?? '', dec.payeeName ?? ''].filter(Boolean).join(' : ')}`;
    } else how = PAYMENT.virement_beneficiaire!;
    para(`J’ai le plaisir de vous informer que, par ${who}, une aide de ${euros(granted)}${less} vous est accordée. Elle sera versée ${how}.${after}`);
    if (dec.reasons) para(`${less ? 'Motifs de l’accord partiel' : 'Observation'} : ${dec.reasons}`);
  } else if (dec.decision === 'refusee') {
    para(`Par ${who}, votre demande ne peut pas recevoir une suite favorable.${after} Les motifs en sont les suivants :`);
    indented(dec.reasons, FONT.bold).moveDown(0.4);
    const rules = a.evaluation?.reasons ?? [];
    if (rules.length) {
      doc.font(FONT.regular).text('Au regard du règlement départemental des aides financières :', MARGIN, doc.y, { width });
      for (const r of rules) indented(`• ${r}`, FONT.regular);
      doc.moveDown(0.6);
    }
    doc.x = MARGIN;
  } else {
    para(`Par ${who}, l’examen de votre demande est ajourné dans l’attente des pièces suivantes :`);
    indented(dec.reasons, FONT.bold).moveDown(0.6);
    doc.x = MARGIN;
    para('Dès réception de ces pièces par votre travailleur social, votre demande sera examinée à nouveau.');
  }
  if (isAdverse(a, dec)) {
    const mentions = appealMentions(d.today, dec.appeal ? 'sur_recours' : 'initiale', d.parameters);
    // The heading is kept with the first mention; the mentions may go on over the next page.
    if (doc.y > doc.page.height - MARGIN - 110) doc.addPage();
    doc.font(FONT.bold).fontSize(10.5).text('Voies et délais de recours', MARGIN, doc.y, { width, structType: 'H2' }).moveDown(0.2);
    for (const m of mentions) {
      doc.font(FONT.bold).fontSize(10.5).text(`${m.titre}. `, { width, align: 'justify', continued: true }).font(FONT.regular).text(m.texte).moveDown(0.4);
    }
    doc.font(FONT.regular).fontSize(8).fillColor('#444').text(`Textes : ${mentions.map((m) => m.source).join(' ; ')}.`, { width }).fillColor('#000').moveDown(0.8);
  }
  para('Je vous prie d’agréer l’expression de mes salutations distinguées.');
  const sig = signatureLines(dec);
  if (doc.y > doc.page.height - MARGIN - 90) doc.addPage();
  doc.moveDown(1);
  doc.font(FONT.regular).fontSize(10.5);
  const sigTop = doc.y;
  sig.before.forEach((l, i) => doc.text(l, right, i === 0 ? sigTop : doc.y, { width: half }));
  doc.font(FONT.bold).text(sig.name, right, doc.y, { width: half });
  doc.font(FONT.regular).text(sig.after, right, doc.y, { width: half });
  doc.x = MARGIN;
  pdf.footer(`${a.number} — document confidentiel`);
  return pdf.end();
}

export interface AgendaRow {
  number: string;
  label: string;
  nature: string;
  object: string;
  amountCents: number;
  outcome: string | null;
  route: string | null;
  urgent: boolean;
  appeal: boolean;
  person: string;
  commune: string | null;
  consentInForce: boolean;
  withdrawnOn: string | null;
  opinion: string | null;
  opinionFavorable: boolean | null;
  reasons: string[];
  noteSociale: string | null;
  decision: { decision: string; grantedCents: number | null; reasons: string } | null;
}

export function renderAgenda(d: { site: { name: string }; session: { heldOn: string; place: string; members: string[] }; rows: AgendaRow[]; today: string }): Promise<Buffer> {
  const pdf = openPdf({ title: `Commission des aides financières — ordre du jour de la séance du ${frDate(d.session.heldOn)}`, author: d.site.name, margin: MARGIN });
  const { doc, width } = pdf;
  doc.font(FONT.bold).fontSize(15).text(`Commission des aides financières — séance du ${frLongDate(d.session.heldOn, { weekday: true })}`, { width, structType: 'H1' });
  doc.font(FONT.regular).fontSize(10).text(`${d.site.name}${d.session.place ? ` — ${d.session.place}` : ''}`, { width });
  doc.text(`Membres : ${d.session.members.join(', ')}`, { width });
  doc.fillColor('#444').fontSize(9).text(`Ordre du jour édité le ${frDate(d.today)} : ${plural(d.rows.length, 'demande', 'demandes')}. Document confidentiel, couvert par le secret professionnel ; une personne n’est nommée qu’avec son consentement en vigueur.`, { width }).fillColor('#000');
  d.rows.forEach((r, i) => {
    if (doc.y > doc.page.height - 200) doc.addPage();
    doc.moveDown(0.8);
    pdf.rule();
    doc.moveDown(0.3).font(FONT.bold).fontSize(11).text(`${i + 1}. ${r.number} — ${r.label}${r.appeal ? ' — RECOURS GRACIEUX' : ''}${r.urgent ? ' — urgent' : ''}`, { width, structType: 'H2' });
    doc.font(FONT.regular).fontSize(10);
    if (r.consentInForce) doc.text(`Bénéficiaire : ${r.person}${r.commune ? `, ${r.commune}` : ''}`, { width });
    else {
      doc.font(FONT.italic).text(
        r.withdrawnOn ? `Identité et note sociale non communiquées : consentement retiré le ${frDate(r.withdrawnOn)}.` : 'Identité et note sociale non communiquées : pas de consentement au partage enregistré pour cette commission.',
        { width },
      );
      doc.font(FONT.regular);
    }
    doc.text(`Objet : ${r.object} — montant demandé : ${euros(r.amountCents)} (${natureLabel(r.nature)})`, { width });
    doc.text(`Barème : ${r.outcome === 'dans_bareme' ? (r.route === 'commission' ? 'dans le barème, au-delà de la délégation' : 'dans le barème') : 'hors barème'}`, { width });
    for (const x of r.reasons) doc.text(`• ${x}`, { width, indent: 12 });
    if (r.opinion) doc.text(`Avis du responsable (${r.opinionFavorable ? 'favorable' : 'défavorable'}) : ${r.opinion}`, { width });
    if (r.noteSociale) doc.font(FONT.bold).text('Note sociale', { width }).font(FONT.regular).text(r.noteSociale, { width, align: 'justify' });
    doc.moveDown(0.3).font(FONT.bold).text(
      r.decision ? `Décision : ${r.decision.decision === 'accordee' ? `accordée, ${euros(r.decision.grantedCents ?? 0)}` : r.decision.decision === 'refusee' ? 'refusée' : 'ajournée'}${r.decision.reasons ? ` — ${r.decision.reasons}` : ''}` : 'Décision : ______________________________   Montant : __________',
      { width },
    );
  });
  pdf.footer(`Commission du ${frDate(d.session.heldOn)} — confidentiel`);
  return pdf.end();
}
