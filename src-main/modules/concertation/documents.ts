/**
 * « Compte rendu de l’instance de concertation » (PDF, French, tagged) for the instance's
 * members: the family designated as its consent allows (named only under a consent in force),
 * the members present with their charter's signature, the charter's reminder, the elements
 * shared and the decisions.
 */
import type { CallContext } from '../../api/app';
import { FONT, openPdf, table } from '../../shared/pdf';
import { frDate, localDay } from '../../shared/time';
import type { ReferralOut } from './contract';
import { ELEMENT_LABELS_FR } from './kinds';
import { siteRow } from './outside';

const MARGIN = 50;

export const CHARTER_REMINDER =
  'Les membres de l’instance sont tenus au secret professionnel. Les informations partagées ici le sont avec le consentement de la famille, au titre du secret partagé, et seulement dans la mesure de ce que l’objet du partage demande. Ce compte rendu ne se transmet pas hors des membres de l’instance ; il ne se photocopie ni ne se diffuse.';

async function pdf(ctx: CallContext, r: ReferralOut): Promise<Buffer> {
  const site = siteRow(ctx.app.vault.db);
  const family = r.consent.usable ? `Famille ${r.household}` : `Famille du dossier ${r.dsu.number}`;
  const p = openPdf({ title: `Compte rendu de l’instance de concertation — ${family}`, author: site.name, margin: MARGIN, subject: 'Instance de concertation pour les familles fragilisées' });
  const { doc, width } = p;
  const { heading, line } = p;
  const { none } = p;

  doc.font(FONT.bold).fontSize(16).text(site.name, { width });
  doc.font(FONT.regular).fontSize(11).text('Instance de concertation pour les familles fragilisées', { width });
  doc.moveDown(0.5).font(FONT.bold).fontSize(15).text('Compte rendu de l’instance de concertation', { width, structType: 'H1' });
  doc.font(FONT.regular).fontSize(9).fillColor('#444').text(`Document confidentiel réservé aux membres de l’instance. Édité le ${frDate(localDay(ctx.now))}.`, { width }).fillColor('#000');

  heading('La saisine');
  doc.fontSize(10);
  line('Famille', family);
  if (!r.consent.usable) none('Le consentement de la famille n’est plus en vigueur : elle n’est désignée que par le numéro de son dossier.');
  line('Saisie le', `${frDate(r.referredOn)} par ${r.referredBy.displayName}`);
  line('Objet du partage', r.purpose);
  line('Services sollicités', r.services.join(', '));
  line('Consentement au partage', `donné le ${frDate(r.consent.givenOn)} pour « ${r.consent.recipient} »${r.consent.withdrawnOn ? `, retiré le ${frDate(r.consent.withdrawnOn)}` : ''}`);

  heading('La réunion');
  line('Date', r.heldOn ? frDate(r.heldOn) : 'pas encore tenue');
  line('Lieu', r.place);
  line('Délai de la charte', `réunion au plus tard le ${frDate(r.delays.meetingBy)}`);
  if (r.lateReason) line('Raison du retard', r.lateReason);

  heading('Membres présents');
  const present = r.participants.filter((m) => m.attended);
  if (present.length === 0) none('Aucun membre présent enregistré.');
  else
    table(
      p,
      [
        { label: 'Membre', width: width * 0.32 },
        { label: 'Organisme', width: width * 0.36 },
        { label: 'Qualité', width: width * 0.14 },
        { label: 'Charte signée le', width: width * 0.18 },
      ],
      present.map((m) => ({ cells: [m.name, m.organisation, m.kind === 'permanent' ? 'Permanent' : 'Associé', frDate(m.charterSignedOn)] })),
    );

  heading('Rappel de la charte');
  doc.text(CHARTER_REMINDER, { width });

  heading('Éléments partagés');
  if (r.elements.length === 0) none('Aucun élément partagé.');
  else
    table(
      p,
      [
        { label: 'Nature', width: width * 0.25 },
        { label: 'Élément', width: width * 0.55 },
        { label: 'Apporté par', width: width * 0.2 },
      ],
      r.elements.map((e) => ({ cells: [ELEMENT_LABELS_FR[e.kind], e.content, e.sharedBy] })),
    );

  heading('Décisions');
  if (r.decisions.length === 0) none('Aucune décision enregistrée.');
  else
    table(
      p,
      [
        { label: 'Décision', width: width * 0.55 },
        { label: 'Qui', width: width * 0.27 },
        { label: 'Pour le', width: width * 0.18 },
      ],
      r.decisions.map((d) => ({ cells: [d.action, d.who, frDate(d.dueOn)] })),
    );

  p.footer(`Compte rendu de l’instance de concertation — confidentiel`);
  return p.end();
}

export async function renderRecord(ctx: CallContext, r: ReferralOut): Promise<{ fileName: string; mime: string; contentBase64: string }> {
  return { fileName: `instance-concertation-${r.dsu.number}-${r.id}.pdf`, mime: 'application/pdf', contentBase64: (await pdf(ctx, r)).toString('base64') };
}
