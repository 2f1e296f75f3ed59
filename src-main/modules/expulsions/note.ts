/**
 * The note sociale to the CCAPEX (DOMAIN §3, §6): a French, tagged PDF with the site's letter
 * head. What the procedure already tells the commission (the dwelling, the lease, the rent, the
 * debt, the stages) is always printed; what the household shares (its composition, the aids,
 * the social worker's evaluation and proposals) only under a consent to share with the CCAPEX
 * in force on the session's day. A consent withdrawn by then is said with its date.
 */
import { euros } from '../../shared/money';
import { FONT, letterHead, openPdf, table, type SiteBlock } from '../../shared/pdf';
import { agree, frLongDate, personName } from '../../shared/french';
import { frDate } from '../../shared/time';
import { EVICTION_STAGE_LABELS, LANDLORD_LABELS, type LandlordKind } from './kinds';

export interface ConsentLine {
  recipient: string;
  partner: string | null;
  scope: string;
  givenOn: string;
  withdrawnOn: string | null;
}

export type ConsentState = { kind: 'in_force'; givenOn: string } | { kind: 'withdrawn'; on: string } | { kind: 'none' };

const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A consent whose recipient (as typed or from the directory) or purpose names the CCAPEX. */
export const isForCcapex = (c: ConsentLine): boolean => /\bccapex\b|prevention des expulsions/.test(plain(`${c.recipient} ${c.partner ?? ''} ${c.scope}`));

/**
 * The household's sharing with the CCAPEX on `day`: a consent given on or before it and not
 * withdrawn by then; else the latest withdrawal on or before it; else none.
 */
export function ccapexConsentOn(consents: readonly ConsentLine[], day: string): ConsentState {
  const mine = consents.filter(isForCcapex);
  const inForce = mine.filter((c) => c.givenOn <= day && (c.withdrawnOn === null || c.withdrawnOn > day)).sort((a, b) => (a.givenOn < b.givenOn ? -1 : 1));
  if (inForce.length > 0) return { kind: 'in_force', givenOn: inForce[0]!.givenOn };
  const withdrawn = mine
    .map((c) => c.withdrawnOn)
    .filter((w): w is string => w !== null && w <= day)
    .sort();
  if (withdrawn.length > 0) return { kind: 'withdrawn', on: withdrawn[withdrawn.length - 1]! };
  return { kind: 'none' };
}

export interface NoteData {
  site: SiteBlock;
  logo: { data: Buffer } | null;
  today: string;
  session: { heldOn: string; place: string };
  dsuNumber: string;
  household: string;
  referent: string;
  members: { birthName: string; usageName: string | null; firstNames: string; sex: string; birthDate: string | null; role: string }[];
  dwelling: string;
  landlordName: string;
  landlordKind: LandlordKind;
  leaseSigned: string | null;
  rentCents: number;
  chargesCents: number;
  debts: { day: string; amountCents: number }[];
  stages: { kind: keyof typeof EVICTION_STAGE_LABELS; day: string; actor: string; reference: string }[];
  aids: { number: string; object: string; amountCents: number; status: string; requestedOn: string }[];
  evaluation: string;
  proposals: string;
  consent: ConsentState;
}

const roleLabel = (role: string, sex: string): string =>
  role === 'demandeur' ? agree(sex, 'Demandeur', 'Demandeuse', 'Demandeur ou demandeuse') : role === 'conjoint' ? agree(sex, 'Conjoint', 'Conjointe', 'Conjoint ou conjointe') : role === 'enfant' ? 'Enfant à charge' : 'Autre personne au foyer';
const AID_STATUS_FR: Record<string, string> = {
  brouillon: 'en préparation',
  soumise: 'déposée',
  a_valider: 'en validation',
  en_commission: 'en commission',
  accordee: 'accordée',
  refusee: 'refusée',
  ajournee: 'ajournée',
  classee_sans_suite: 'classée sans suite',
};
/** How many of the latest debt figures the note lists. */
const DEBT_LINES = 6;
const MARGIN = 50;

/** The sentence saying what the household shares, and on which ground. */
export function consentSentence(c: ConsentState, heldOn: string): string {
  if (c.kind === 'in_force') return `Consentement au partage d’informations avec la CCAPEX donné le ${frDate(c.givenOn)}, en vigueur à la date de la séance du ${frDate(heldOn)}.`;
  if (c.kind === 'withdrawn') return `Consentement retiré le ${frDate(c.on)} : informations non transmises.`;
  return `Aucun consentement au partage d’informations avec la CCAPEX en vigueur à la date de la séance du ${frDate(heldOn)} : informations non transmises.`;
}

export function renderNote(d: NoteData): Promise<Buffer> {
  const title = `Note sociale à la CCAPEX — ${d.household}`;
  const p = openPdf({ title, author: d.site.name, margin: MARGIN, subject: `Séance de la CCAPEX du ${frDate(d.session.heldOn)}` });
  const { doc, width } = p;
  const heading = (t: string) => {
    if (doc.y > doc.page.height - 170) doc.addPage();
    doc.moveDown(0.8).font(FONT.bold).fontSize(12.5).fillColor('#1d3557').text(t, MARGIN, doc.y, { width, structType: 'H2' });
    p.rule();
    doc.moveDown(0.4).font(FONT.regular).fontSize(10).fillColor('#000');
  };
  const line = (k: string, v: string) => doc.font(FONT.bold).text(`${k} : `, { continued: true, width }).font(FONT.regular).text(v || '—');
  const para = (s: string) => doc.font(FONT.regular).fontSize(10).text(s, { width, align: 'left' }).moveDown(0.4);
  const italic = (s: string) => doc.font(FONT.italic).fontSize(10).text(s, { width }).font(FONT.regular);

  letterHead(p, {
    site: d.site,
    logo: d.logo,
    recipient: { name: 'Commission de coordination des actions de prévention des expulsions locatives (CCAPEX)', lines: [`Séance du ${frLongDate(d.session.heldOn)}`, ...(d.session.place ? [d.session.place] : [])] },
    today: d.today,
  });
  doc.font(FONT.bold).fontSize(14).text(title, MARGIN, doc.y, { width, structType: 'H1' });
  doc.font(FONT.regular).fontSize(9.5).fillColor('#444').text(`DSU n° ${d.dsuNumber}. Situation suivie par ${d.referent}. Document confidentiel.`, { width }).fillColor('#000');
  doc.moveDown(0.6);
  const shared = d.consent.kind === 'in_force';
  doc.font(FONT.bold).fontSize(10.5).fillColor(shared ? '#000' : '#8a1c1c').text(consentSentence(d.consent, d.session.heldOn), { width }).fillColor('#000').font(FONT.regular);

  heading('Logement et bail');
  line('Logement', d.dwelling);
  line('Bailleur', `${d.landlordName}, ${LANDLORD_LABELS[d.landlordKind]}`);
  line('Bail signé le', d.leaseSigned ? frDate(d.leaseSigned) : 'date inconnue');
  line('Loyer', `${euros(d.rentCents)} hors charges, charges ${euros(d.chargesCents)}`);

  heading('Dette locative');
  if (d.debts.length === 0) italic('Aucun montant de dette enregistré.');
  else
    table(
      p,
      [
        { label: 'Au', width: 120 },
        { label: 'Montant de la dette', width: 150, align: 'right' },
      ],
      d.debts.slice(-DEBT_LINES).map((x) => ({ cells: [frDate(x.day), euros(x.amountCents)] })),
    );

  heading('Procédure');
  if (d.stages.length === 0) italic('Aucune étape de procédure enregistrée.');
  else
    table(
      p,
      [
        { label: 'Date', width: 80 },
        { label: 'Étape', width: Math.floor(width * 0.4) },
        { label: 'Acteur, référence', width: width - 80 - Math.floor(width * 0.4) },
      ],
      d.stages.map((s) => {
        const label = EVICTION_STAGE_LABELS[s.kind];
        return { cells: [frDate(s.day), label.charAt(0).toUpperCase() + label.slice(1), [s.actor, s.reference].filter(Boolean).join(', ') || '—'] };
      }),
    );

  if (!shared) {
    heading('Situation du foyer, aides, évaluation et propositions');
    italic(consentSentence(d.consent, d.session.heldOn));
  } else {
    heading('Composition du foyer');
    if (d.members.length === 0) italic('Aucune personne enregistrée.');
    for (const m of d.members) line(roleLabel(m.role, m.sex), `${personName(m, { withBirthName: true })}${m.birthDate ? `, ${agree(m.sex, 'né', 'née')} le ${frDate(m.birthDate)}` : ''}`);

    heading('Aides demandées ou accordées');
    if (d.aids.length === 0) italic('Aucune demande d’aide liée au dossier.');
    else
      table(
        p,
        [
          { label: 'Demande', width: 100 },
          { label: 'Objet', width: width - 100 - 90 - 100 },
          { label: 'État', width: 100 },
          { label: 'Montant demandé', width: 90, align: 'right' },
        ],
        d.aids.map((a) => ({ cells: [`${a.number} du ${frDate(a.requestedOn)}`, a.object, AID_STATUS_FR[a.status] ?? a.status, euros(a.amountCents)] })),
      );

    heading('Évaluation sociale');
    if (d.evaluation) para(d.evaluation);
    else italic('Évaluation non rédigée.');

    heading('Propositions');
    if (d.proposals) para(d.proposals);
    else italic('Aucune proposition rédigée.');
  }
  p.footer(`Note sociale CCAPEX — ${d.dsuNumber} — document confidentiel`);
  return p.end();
}
