/**
 * What a person's right-of-access export shows of their household's DSU (registry
 * `personExport`): the file, its journal (restricted notes left out: they are the
 * professionals' working notes, shown to nobody but their authors and the référent), the
 * documents kept, and the person's own consents.
 */
import type { ExportPart } from '../../api/app';
import type { Db } from '../../store/database';
import { frDate } from '../../shared/time';
import { label } from './labels';
import * as repo from './repo';

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
    consents,
  ];
}
