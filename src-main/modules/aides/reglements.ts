/**
 * Channels `reglement:*`: the versions of the règlements des aides (DOMAIN §4.1, §4.7), one
 * active version per code at a time (the département's, the FSL's…), imported as drafts, edited
 * while drafts, activated, and replayed against the past year's requests.
 */
import type { CallContext } from '../../api/app';
import type { AidesHandlers } from './contract';
import type { Db } from '../../store/database';
import { PasseurError } from '../../shared/errors';
import { twelveMonthsBefore } from './engine';
import { checkedReglement } from './checks';
import { audit, today, userRef } from './context';
import { sessionOf } from './outside';
import { replayOf } from './projection';
import type { Reglement } from './reglement';
import * as repo from './repo';
import { reglementItems } from './views';

function reglementList(ctx: CallContext) {
  const db = ctx.app.vault.db;
  const inForce = new Set(repo.reglementRowsInForce(db, today(ctx)).map((r) => r.id));
  const counts = new Map(repo.requestCountsByReglement(db).map((r) => [r.id, r.n]));
  return reglementItems(repo.reglementRows(db), counts, inForce, (id) => userRef(ctx, id));
}

/**
 * DOMAIN §4.7: the requests submitted over the last 12 months, evaluated again under another
 * version with the very inputs they were evaluated with; how many would change outcome and
 * the amount at stake, by dispositif. Nothing is written: past decisions never change.
 */
export function replay(db: Db, candidate: Reglement, day: string) {
  const from = twelveMonthsBefore(day);
  return replayOf(repo.submittedDemandes(db, from, day), candidate, from, day);
}

/** A dispositif belongs to one règlement: a request names its dispositif, which names its règlement. */
function refuseForeignDispositifs(db: Db, r: Reglement): void {
  const clash = repo.dispositifOwner(db, r.code, r.dispositifs.map((d) => d.code));
  if (clash) {
    throw new PasseurError(
      'conflict',
      `Le dispositif « ${clash.dispositif} » appartient déjà au règlement « ${clash.code} » : donnez-lui un autre code dans ce règlement (rien n’a été enregistré).`,
      'dispositifs',
    );
  }
}

export const reglementHandlers = {
  'reglement:list': (ctx) => reglementList(ctx),

  'reglement:get': (ctx, input) => {
    const r = repo.findReglementDocument(ctx.app.vault.db, input.id);
    if (!r) throw new PasseurError('not_found', 'Cette version du règlement n’existe pas.');
    return { id: r.id, document: JSON.stringify(JSON.parse(r.document), null, 2) };
  },

  'reglement:import': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { raw, reglement: r } = checkedReglement(input.document);
    if (repo.reglementExists(db, r.code, r.version)) {
      throw new PasseurError('conflict', `La version ${r.version} du règlement « ${r.code} » existe déjà : numérotez la nouvelle version (champ version).`, 'version');
    }
    refuseForeignDispositifs(db, r);
    const id = db.transaction(() => {
      const n = repo.insertReglement(
        db,
        { code: r.code, version: r.version, title: r.title, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, document: JSON.stringify(raw) },
        sessionOf(ctx).userId,
        ctx.now,
      );
      audit(ctx, 'reglement.import', 'reglement', n, { code: r.code, version: r.version });
      return n;
    })();
    return reglementList(ctx).find((x) => x.id === id)!;
  },

  'reglement:update': (ctx, input) => {
    const db = ctx.app.vault.db;
    const row = repo.reglementRow(db, input.id);
    if (!row) throw new PasseurError('not_found', 'Cette version du règlement n’existe pas.');
    if (row.status !== 'brouillon') {
      throw new PasseurError('conflict', 'Une version active ne se modifie plus (des demandes ont pu être évaluées sous elle) : importez une nouvelle version.');
    }
    const { raw, reglement: r } = checkedReglement(input.document);
    if (r.code !== row.code || r.version !== row.version) {
      throw new PasseurError('invalid_input', `Le code et la version ne changent pas en modification (${row.code}, version ${row.version}) : pour une autre version, importez-la.`, r.code !== row.code ? 'code' : 'version');
    }
    refuseForeignDispositifs(db, r);
    db.transaction(() => {
      repo.updateReglement(db, row.id, { title: r.title, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, document: JSON.stringify(raw) });
      audit(ctx, 'reglement.update', 'reglement', row.id, { code: row.code, version: row.version });
    })();
    repo.forgetReglement(db, row.id);
    return reglementList(ctx).find((x) => x.id === row.id)!;
  },

  'reglement:activate': (ctx, input) => {
    const db = ctx.app.vault.db;
    const row = repo.reglementRow(db, input.id);
    if (!row) throw new PasseurError('not_found', 'Cette version du règlement n’existe pas.');
    if (row.status !== 'brouillon') throw new PasseurError('conflict', 'Cette version est déjà active (ou retirée).');
    db.transaction(() => {
      repo.activateReglement(db, row.id, sessionOf(ctx).userId, ctx.now);
      audit(ctx, 'reglement.activate', 'reglement', row.id, { code: row.code, version: row.version });
    })();
    return reglementList(ctx).find((x) => x.id === row.id)!;
  },

  'reglement:replay': (ctx, input) => {
    const db = ctx.app.vault.db;
    if (!repo.reglementRow(db, input.id)) throw new PasseurError('not_found', 'Cette version du règlement n’existe pas.');
    return replay(db, repo.reglementDoc(db, input.id), today(ctx));
  },
} satisfies { [C in keyof AidesHandlers as C extends `reglement:${string}` ? C : never]: AidesHandlers[C] };
