/**
 * The right-of-access export (DOMAIN §3) carries an evaluation only when a responsable decided
 * to include it (`protection:includeInExport`), and then says so in a line of its own. Without
 * that decision, nothing of the module appears in any export — not even its existence.
 */
import type { ExportPart } from '../../api/app';
import type { Db } from '../../store/database';
import { frDate } from '../../shared/time';
import { DANGER_LEVEL_LABELS_FR, DOMAIN_LABELS_ADULT_FR, DOMAIN_LABELS_FR, DOMAINS, KIND_LABELS_FR, PROPOSAL_LABELS_FR, type Proposal } from './kinds';
import * as repo from './repo';

export function protectionExport(db: Db, personId: number): ExportPart[] {
  const rows = repo.includedForPerson(db, personId);
  if (rows.length === 0) return [];
  return [
    {
      title: 'Évaluations (informations préoccupantes ou signalantes)',
      empty: '',
      entries: rows.map((e) => {
        const report = JSON.parse(e.report) as Record<string, string>;
        const labels = e.kind === 'ip' ? DOMAIN_LABELS_FR : DOMAIN_LABELS_ADULT_FR;
        return {
          heading: `${KIND_LABELS_FR[e.kind]} reçue le ${frDate(e.receivedOn)}`,
          fields: [
            { label: 'Inclusion dans ce document', value: `Décidée par ${e.exportDecisionByName ?? ''} le ${frDate(e.exportDecisionAt)} : ${e.exportDecisionReason}` },
            ...DOMAINS.filter((d) => (report[d] ?? '') !== '').map((d) => ({ label: labels[d], value: report[d]! })),
            { label: 'Évaluation du danger', value: e.dangerLevel ? DANGER_LEVEL_LABELS_FR[e.dangerLevel] : '—' },
            { label: 'Propositions', value: (JSON.parse(e.proposals) as Proposal[]).map((p) => PROPOSAL_LABELS_FR[p]).join(' ; ') || '—' },
            ...(e.sentOn ? [{ label: 'Rapport envoyé à la cellule', value: frDate(e.sentOn) }] : []),
          ],
        };
      }),
    },
  ];
}
