/**
 * Channels `dsu:situation` and `dsu:saveSituation`: the household's dated situation (DOMAIN
 * §3). Read with the DSU's access (référent, co-intervenant, responsable, exceptional access)
 * and audited like the rest of the file; written with the DSU's write access, each save a new
 * version in the same transaction as its audit row. Every id the form names (members,
 * professional, partner) is checked here, with a French message.
 */
import { PasseurError } from '../../shared/errors';
import { hasAny, SOCIAL } from '../../shared/roles';
import type { CallContext } from '../../api/app';
import { appendAudit } from '../../store/audit';
import type { Db } from '../../store/database';
import { findUserById } from '../../store/users';
import { frDate, localDay } from '../../shared/time';
import { getPerson } from '../persons';
import type { DsuHandlers, SituationContent, SituationInput, SituationOut } from './contract';
import { requireDsu, sessionOf } from './access';
import { changedSections } from './situation';
import * as repo from './repo';

function audit(ctx: CallContext, action: string, dsuId: number, detail: Record<string, unknown>) {
  appendAudit(ctx.app.vault.db, { userId: sessionOf(ctx).userId, action, entity: 'dsu', entityId: dsuId, detail }, ctx.now);
}

/** A person merged into another is read as the one kept (the situation names persons by id). */
function current(db: Db, personId: number): number {
  let p = getPerson(db, personId);
  for (let hops = 0; p?.mergedInto != null && hops < 10; hops++) p = getPerson(db, p.mergedInto);
  return p?.id ?? personId;
}

/** A stored version's content, its persons read through merges. */
export function contentOf(db: Db, json: string): SituationContent {
  const c = JSON.parse(json) as SituationContent;
  return {
    ...c,
    members: c.members.map((m) => ({ ...m, personId: current(db, m.personId) })),
    measures: c.measures.map((m) => ({ ...m, personId: m.personId === null ? null : current(db, m.personId) })),
  };
}

function view(ctx: CallContext, dsuId: number, versionId: number | null): SituationOut {
  const versions = repo.situationVersions(ctx.app.vault.db, dsuId);
  const shown = versionId === null ? versions[0] : versions.find((v) => v.id === versionId);
  if (versionId !== null && !shown) throw new PasseurError('not_found', 'Cette version de la situation n’existe pas dans ce dossier. Rechargez la page.', 'versionId');
  const meta = ({ content: _c, dsuId: _d, ...v }: repo.SituationVersionRow) => ({ ...v, changed: v.changed as SituationOut['history'][number]['changed'] });
  return {
    version: shown ? { ...meta(shown), content: contentOf(ctx.app.vault.db, shown.content) } : null,
    latestId: versions[0]?.id ?? null,
    history: versions.map(meta),
  };
}

/** The checks the schema cannot make: dates against today and the last version, ids against the store. */
function checked(ctx: CallContext, householdId: number, s: SituationInput, latest: repo.SituationVersionRow | undefined): SituationContent {
  const db = ctx.app.vault.db;
  const today = localDay(ctx.now);
  if (s.validOn > today) throw new PasseurError('invalid_input', 'La situation ne peut pas être datée dans le futur : indiquez la date d’aujourd’hui ou une date passée.', 'validOn');
  if (latest && s.validOn < latest.validOn) {
    throw new PasseurError('invalid_input', `La situation enregistrée est celle du ${frDate(latest.validOn)} : une mise à jour ne peut pas être datée d’avant.`, 'validOn');
  }
  const member = (personId: number, field: string) => {
    const p = getPerson(db, personId);
    if (!p || p.mergedInto !== null || p.householdId !== householdId) {
      throw new PasseurError('invalid_input', 'Cette personne ne fait pas partie du foyer de ce dossier : rechargez la page et choisissez un membre du foyer.', field);
    }
  };
  for (const m of s.members) member(m.personId, 'members');
  for (const m of s.measures) if (m.personId !== null) member(m.personId, 'measures');
  let referentParcours = s.referentParcours;
  if (referentParcours?.userId != null) {
    const u = findUserById(db, referentParcours.userId);
    if (!u || u.disabled || !hasAny(u.roles, SOCIAL)) {
      throw new PasseurError('invalid_input', 'Référent de parcours : ce compte n’est pas celui d’un professionnel actif de la MDS (ASS, CESF ou responsable) ; choisissez-en un, ou nommez un autre professionnel.', 'referentParcours');
    }
    referentParcours = { ...referentParcours, name: u.displayName };
  }
  if (referentParcours?.partnerId != null) {
    const p = repo.partnerExists(db, referentParcours.partnerId) ? repo.partnerNames(db, referentParcours.partnerId) : null;
    if (!p) throw new PasseurError('invalid_input', 'Référent de parcours : ce partenaire n’existe pas dans l’annuaire ; choisissez-en un ou saisissez la structure.', 'referentParcours');
    referentParcours = { ...referentParcours, organisation: p.service ? `${p.organisation} — ${p.service}` : p.organisation };
  }
  return { ...s, referentParcours };
}

export const situationHandlers = {
  'dsu:situation': (ctx, input) => {
    const { dsu } = requireDsu(ctx, input.dsuId, 'read');
    const out = view(ctx, dsu.id, input.versionId);
    ctx.app.vault.db.transaction(() => audit(ctx, 'situation.read', dsu.id, { version: out.version?.id ?? null }))();
    return out;
  },

  'dsu:saveSituation': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { dsu } = requireDsu(ctx, input.dsuId, 'write');
    return db.transaction(() => {
      const latest = repo.latestSituation(db, dsu.id);
      if ((latest?.id ?? null) !== input.basedOn) {
        throw new PasseurError(
          'conflict',
          latest
            ? `${latest.recordedBy.displayName} a enregistré la situation du ${frDate(latest.validOn)} pendant que vous la modifiiez : rechargez-la, puis reportez vos changements.`
            : 'Cette version de la situation n’existe pas dans ce dossier : rechargez la page.',
          'basedOn',
        );
      }
      const content = checked(ctx, dsu.householdId, input.situation, latest);
      const changed = changedSections(latest ? contentOf(ctx.app.vault.db, latest.content) : null, content);
      if (latest && changed.length === 0 && latest.validOn === content.validOn) {
        throw new PasseurError('conflict', 'Rien n’a changé depuis la version enregistrée : modifiez la situation avant de l’enregistrer.');
      }
      const version = repo.insertSituation(db, {
        dsuId: dsu.id,
        validOn: content.validOn,
        recordedAt: ctx.now.toISOString(),
        recordedBy: sessionOf(ctx).userId,
        content: JSON.stringify(content),
        changed: JSON.stringify(changed),
      });
      audit(ctx, 'situation.save', dsu.id, { version, changed });
      return view(ctx, dsu.id, null);
    })();
  },
} satisfies Pick<DsuHandlers, 'dsu:situation' | 'dsu:saveSituation'>;
