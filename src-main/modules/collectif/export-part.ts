/**
 * A person's participations in collective actions, in their right-of-access export (registry
 * `personExport`): the action, the day and form of their agreement, the sessions they came to.
 * Nothing of it goes in a DSU's export: taking part in a group is not part of the household's file.
 */
import type { ExportPart } from '../../api/app';
import type { Db } from '../../store/database';
import { frDate } from '../../shared/time';
import { CONSENT_LABELS_FR } from './kinds';
import * as repo from './repo';

export function collectifExport(db: Db, personId: number): ExportPart[] {
  return [
    {
      title: 'Actions collectives',
      empty: 'Aucune participation à une action collective.',
      entries: repo.participationsOfPerson(db, personId).map((p) => ({
        heading: p.title,
        fields: [
          { label: 'Accord pour participer', value: `${frDate(p.consentOn)} (${CONSENT_LABELS_FR[p.consentForm]})` },
          { label: 'Séances suivies', value: `${p.present} sur ${p.sessions}` },
        ],
      })),
    },
  ];
}
