/**
 * The referrals to the concertation instance in a DSU's export and in a person's right-of-access
 * export (registry `dsuExport`, `personExport`): each referral's date, who made it, its motif
 * and purpose, the consent it rests on, the meeting, the members present, the elements shared
 * and the decisions. A person's export carries the referrals of their household's DSU, which
 * whoever exports must be able to read.
 */
import type { ExportPart } from '../../api/app';
import type { Db } from '../../store/database';
import { frDate } from '../../shared/time';
import { ELEMENT_LABELS_FR, type ElementKind } from './kinds';
import * as repo from './repo';

export function concertationDsuExport(db: Db, dsuId: number): ExportPart[] {
  return [part(db, repo.referralsOfDsu(db, dsuId))];
}

export function concertationExport(db: Db, personId: number): ExportPart[] {
  const dsuId = repo.dsuOfPerson(db, personId);
  return [part(db, dsuId === undefined ? [] : repo.referralsOfDsu(db, dsuId))];
}

const STATUS_FR = { saisie: 'saisie, instance pas encore réunie', reunie: 'instance réunie, synthèse pas encore versée au DSU', close: 'close, synthèse versée au journal du DSU' } as const;

function part(db: Db, referrals: repo.ReferralRow[]): ExportPart {
  return {
    title: 'Instance de concertation',
    empty: 'Aucune saisine de l’instance de concertation.',
    entries: referrals.map((r) => {
      const present = repo.participants(db, r.id).filter((p) => p.attended);
      return {
        heading: `Saisine de l’instance de concertation du ${frDate(r.referredOn)}`,
        fields: [
          { label: 'Saisie par', value: r.referredByName },
          { label: 'Avancement', value: STATUS_FR[r.status] },
          { label: 'Motif', value: r.motif },
          { label: 'Objet du partage', value: r.purpose },
          { label: 'Éléments à partager', value: (JSON.parse(r.elementKinds) as ElementKind[]).map((k) => ELEMENT_LABELS_FR[k]).join(', ') },
          ...(r.heldOn ? [{ label: 'Réunion', value: `le ${frDate(r.heldOn)} à ${r.place}` }] : []),
          ...(present.length > 0 ? [{ label: 'Membres présents', value: present.map((p) => (p.organisation ? `${p.name} (${p.organisation})` : p.name)).join(', ') }] : []),
          ...repo.elements(db, r.id).map((e) => ({ label: `Élément partagé — ${ELEMENT_LABELS_FR[e.kind]}`, value: e.sharedBy ? `${e.content} (apporté par ${e.sharedBy})` : e.content })),
          ...repo.decisions(db, r.id).map((d) => ({ label: 'Décision', value: `${d.action} — ${d.who}${d.dueOn ? `, pour le ${frDate(d.dueOn)}` : ''}` })),
        ],
      };
    }),
  };
}
