/**
 * The overindebtedness files in a DSU's export and in a person's right-of-access export
 * (registry `dsuExport`, `personExport`): each file's referent and dates, its current debts,
 * its latest budget's totals and its procedure. A person's export carries the files of their
 * household's DSU, which whoever exports must be able to read.
 */
import type { ExportPart } from '../../api/app';
import type { Db } from '../../store/database';
import { euros } from '../../shared/money';
import { frDate } from '../../shared/time';
import { NATURE_LABELS_FR, STAGE_LABELS_FR } from './kinds';
import * as repo from './repo';

export function surendettementDsuExport(db: Db, dsuId: number): ExportPart[] {
  return [part(db, repo.filesOfDsu(db, dsuId))];
}

export function surendettementExport(db: Db, personId: number): ExportPart[] {
  const dsuId = repo.dsuOfPerson(db, personId);
  return [part(db, dsuId === undefined ? [] : repo.filesOfDsu(db, dsuId))];
}

function part(db: Db, files: repo.FileRow[]): ExportPart {
  return {
    title: 'Surendettement',
    empty: 'Aucun dossier de surendettement.',
    entries: files.map((f) => {
      const debts = [...repo.debtVersions(db, f.id).values()].map((v) => v[0]!).filter((v) => !v.deleted);
      const budget = repo.latestBudget(db, f.id);
      const b = budget ? (JSON.parse(budget.budget) as { resources: { amountCents: number }[]; charges: { amountCents: number }[] }) : null;
      const sum = (l: { amountCents: number }[]) => l.reduce((s, x) => s + x.amountCents, 0);
      return {
        heading: `Dossier de surendettement ouvert le ${frDate(f.openedOn)}`,
        fields: [
          { label: 'Suivi par', value: f.referentName },
          { label: 'Statut', value: f.status === 'ouvert' ? 'Ouvert' : 'Clos' },
          ...debts.map((d) => ({ label: `Dette — ${d.creditor}`, value: `${NATURE_LABELS_FR[d.nature]}, ${euros(d.amountCents)} dus, ${euros(d.monthlyCents)} par mois${d.debtDate ? `, depuis le ${frDate(d.debtDate)}` : ''}` })),
          ...(b && budget ? [{ label: `Budget au ${frDate(budget.validOn)}`, value: `ressources ${euros(sum(b.resources))}, charges ${euros(sum(b.charges))} par mois` }] : []),
          ...repo.stagesOf(db, f.id).map((s) => ({ label: `${STAGE_LABELS_FR[s.kind]} — ${frDate(s.day)}`, value: [s.decision, s.notifiedOn ? `notifiée le ${frDate(s.notifiedOn)}` : '', s.plan ? `${s.plan.months} mois à ${euros(s.plan.monthlyCents)} à partir du ${frDate(s.plan.start)}` : ''].filter(Boolean).join(' ; ') || '—' })),
        ],
      };
    }),
  };
}
