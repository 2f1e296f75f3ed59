/**
 * What a person's right-of-access export shows of their household's DSU (registry
 * `personExport`): the file, its journal (restricted notes left out: they are the
 * professionals' working notes, shown to nobody but their authors and the référent), the
 * documents kept, and the person's own consents.
 */
import type { ExportPart } from '../../api/app';
import type { Db } from '../../store/database';
import { frDate } from '../../shared/time';
import { householdOf } from '../persons';
import { label } from './labels';
import * as repo from './repo';
import { historyExport, situationExport } from './situation';
import { contentOf } from './situation-handlers';

function namesOf(db: Db, dsuId: number): Map<number, string> {
  const d = repo.getDsu(db, dsuId);
  const h = d ? householdOf(db, d.householdId) : undefined;
  return new Map((h?.members ?? []).map((m) => [m.id, `${(m.usageName || m.birthName).toUpperCase()} ${m.firstNames}`]));
}

function latestOf(db: Db, dsuId: number) {
  const v = repo.latestSituation(db, dsuId);
  return v ? { content: contentOf(db, v.content), recordedBy: v.recordedBy.displayName, recordedAt: v.recordedAt } : null;
}

/**
 * The situation in the DSU's export (registry `dsuExport`): the latest version whole, and the
 * list of the versions (date, author, sections changed).
 */
export function situationDsuExport(db: Db, dsuId: number): ExportPart[] {
  const versions = repo.situationVersions(db, dsuId).map((v) => ({ validOn: v.validOn, recordedAt: v.recordedAt, recordedBy: v.recordedBy.displayName, changed: v.changed }));
  return [situationExport(latestOf(db, dsuId), namesOf(db, dsuId)), historyExport(versions)];
}

export function dsuExport(db: Db, personId: number): ExportPart[] {
  const dsu = repo.dsuOfPerson(db, personId);
  const consents: ExportPart = {
    title: 'Consentements au partage d’informations',
    empty: 'Aucun consentement enregistré.',
    entries: repo.consentsOfPerson(db, personId).map((c) => ({
      heading: `${frDate(c.givenOn)} — à ${c.recipient}`,
      fields: [
        { label: 'Objet', value: c.scope },
        { label: 'Forme', value: label(c.form) },
        ...(c.withdrawnOn ? [{ label: 'Retiré le', value: frDate(c.withdrawnOn) }] : []),
      ],
    })),
  };
  if (!dsu) return [{ title: 'Dossier social unique', empty: 'Pas de dossier social ouvert pour le foyer.', entries: [] }, consents];
  return [
    {
      title: 'Dossier social unique',
      empty: '',
      entries: [
        {
          heading: `Dossier n° ${dsu.number}`,
          fields: [
            { label: 'Statut', value: label(dsu.status) },
            { label: 'Ouvert le', value: frDate(dsu.openedAt) },
            ...(dsu.closedAt ? [{ label: 'Clos le', value: frDate(dsu.closedAt) }] : []),
            { label: 'Référent social', value: dsu.referent },
          ],
        },
      ],
    },
    {
      title: 'Journal des interventions (foyer)',
      empty: 'Aucune intervention enregistrée.',
      entries: repo.journalForExport(db, dsu.id).map((e) => ({
        heading: `${frDate(e.occurredOn)} — ${label(e.type)}${e.field ? ` — ${label(e.field)}` : ''}`,
        fields: [
          { label: 'Par', value: e.authors ?? '' },
          { label: 'Résumé', value: e.summary },
        ],
      })),
    },
    {
      title: 'Documents conservés',
      empty: 'Aucun document.',
      entries: repo.documentsForExport(db, dsu.id).map((d) => ({ heading: `${frDate(d.docDate)} — ${d.title}`, fields: [{ label: 'Nature', value: label(d.kind) }] })),
    },
    situationExport(latestOf(db, dsu.id), namesOf(db, dsu.id), personId),
    consents,
  ];
}
