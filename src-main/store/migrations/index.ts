/**
 * Schema migrations, listed explicitly (no folder scan at run time). Each one runs inside
 * the same transaction as the version bump; versions only go up.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { PasseurError } from '../../shared/errors';
import type { Migration } from './migration';
import { m0001Initial } from './0001-initial';
import { m0002AccueilDsu } from './0002-accueil-dsu';
import { m0003Aides } from './0003-aides';
import { m0004Courriers } from './0004-courriers';
import { m0005Situation } from './0005-situation';
import { m0006AdressesLogo } from './0006-adresses-logo';
import { m0007Agenda } from './0007-agenda';
import { m0008Parametres } from './0008-parametres';
import { m0009Surendettement } from './0009-surendettement';
import { m0010SearchFields } from './0010-search-fields';
import { m0011Expulsions } from './0011-expulsions';
import { m0012Ccapex } from './0012-ccapex';
import { m0013Protection } from './0013-protection';
import { m0014Concertation } from './0014-concertation';
import { m0015Collectif } from './0015-collectif';
import { m0016Postes } from './0016-postes';
import { m0017ReponsesPostes } from './0017-reponses-postes';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  m0001Initial, m0002AccueilDsu, m0003Aides, m0004Courriers, m0005Situation, m0006AdressesLogo, m0007Agenda, m0008Parametres, m0009Surendettement, m0010SearchFields, m0011Expulsions, m0012Ccapex, m0013Protection, m0014Concertation, m0015Collectif, m0016Postes, m0017ReponsesPostes,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
});

/** Applies pending migrations up to `target` (default: latest) in one transaction. */
export function migrate(db: Database.Database, target = LATEST_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new PasseurError('database_newer', `Cette base a été écrite par une version plus récente de Passeur (schéma ${current}). Installez la version à jour.`);
  }
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return target;
}
