/** Aid requests, their budgets and decisions, for a person's right-of-access export and a DSU's export (registry `personExport`, `dsuExport`). */
import type { ExportPart } from '../../api/app';
import type { Db } from '../../store/database';
import { euros } from '../../shared/money';
import { KIND_LABELS_FR } from '../budget';
import { frDate } from '../../shared/time';
import { personName } from '../../shared/french';
import * as repo from './export/repo';
import { NATURE_LABEL } from './checks';
import { dispositifLabels } from './repo';
import { STATUS_FR } from './workflow';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function aidesExport(db: Db, personId: number): ExportPart[] {
  return [part(db, repo.requestsOfPerson(db, personId), false)];
}

export function aidesDsuExport(db: Db, dsuId: number): ExportPart[] {
  return [part(db, repo.requestsOfDsu(db, dsuId), true)];
}

function part(db: Db, requests: ReturnType<typeof repo.requestsOfPerson>, naming: boolean): ExportPart {
  const titles = dispositifLabels(db);
  return {
    title: 'Aides financières',
    empty: 'Aucune demande d’aide.',
    entries: requests.map((a) => {
      const budget = JSON.parse(a.budget) as { resources?: { kind: string; amountCents: number }[]; charges?: { kind: string; amountCents: number }[] };
      // An empty list says so in words (« aucune »), not with a dash.
      const lines = (l: { kind: string; amountCents: number }[] | undefined) => (l ?? []).map((x) => `${KIND_LABELS_FR[x.kind as keyof typeof KIND_LABELS_FR] ?? x.kind} ${euros(x.amountCents)}`).join(', ') || 'aucune';
      return {
        heading: `Demande n° ${a.number} — ${titles.get(a.dispositif) ?? a.dispositif}`,
        fields: [
          ...(naming ? [{ label: 'Pour', value: personName(a) }] : []),
          { label: 'Demandée le', value: frDate(a.requestedOn) },
          { label: 'Objet', value: `${a.object} (${NATURE_LABEL[a.nature as keyof typeof NATURE_LABEL] ?? a.nature})` },
          { label: 'Montant demandé', value: euros(a.amountCents) },
          { label: 'Statut', value: cap(STATUS_FR[a.status as keyof typeof STATUS_FR] ?? a.status) },
          { label: 'Ressources mensuelles déclarées', value: lines(budget.resources) },
          { label: 'Charges mensuelles déclarées', value: lines(budget.charges) },
          ...repo.decisionsOf(db, a.id).map((d) => ({
            label: `Décision du ${frDate(d.decidedOn)}${d.body === 'commission' ? ' (commission)' : ''}${d.appeal ? ' sur recours' : ''}`,
            value: `${cap(STATUS_FR[d.decision as keyof typeof STATUS_FR] ?? d.decision)}${d.grantedCents !== null ? ` — ${euros(d.grantedCents)}` : ''}${d.reasons ? ` — motifs : ${d.reasons}` : ''}`,
          })),
        ],
      };
    }),
  };
}
