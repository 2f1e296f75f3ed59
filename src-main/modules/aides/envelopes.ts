/**
 * Channels `envelope:*`: the amounts voted per envelope and year, what is engaged, paid and
 * pending against them; and the check that a grant keeps within its envelope.
 */
import type { CallContext } from '../../api/app';
import type { AidesHandlers } from './contract';
import { PasseurError } from '../../shared/errors';
import { euros } from '../../shared/money';
import { audit, reglementAt, regOfAid, today } from './context';
import { sessionOf } from './outside';
import { envelopeGroupOf, envelopeRow, envelopesShown, yearBounds, yearProgress } from './projection';
import { envelopeGroups, type EnvelopeGroup, type Reglement } from './reglement';
import * as repo from './repo';
import * as envRepo from './envelopes/repo';

/** The envelope a dispositif draws on this year, per the règlement in force today (else the request's). */
function envelopeOf(ctx: CallContext, a: repo.AidRow): EnvelopeGroup {
  let reg: Reglement;
  try {
    reg = reglementAt(ctx, today(ctx), a.dispositif).reglement;
  } catch {
    reg = regOfAid(ctx, a);
  }
  return envelopeGroupOf(reg, a.dispositif);
}

/** Refuses a grant that would exceed its envelope's vote, unless the responsable confirmed it. */
export function checkEnvelope(ctx: CallContext, a: repo.AidRow, grantedCents: number, confirmed: boolean): void {
  const year = ctx.now.getFullYear();
  const group = envelopeOf(ctx, a);
  const env = envRepo.findVotedCents(ctx.app.vault.db, year, group.code);
  if (!env || confirmed) return;
  const { engaged } = envRepo.engagedIn(ctx.app.vault.db, year, group.dispositifs);
  if (engaged + grantedCents > env.v) {
    throw new PasseurError(
      'envelope_exceeded',
      `L’enveloppe ${year} « ${group.label} » serait dépassée : ${euros(engaged)} déjà engagés + ${euros(grantedCents)} > ${euros(env.v)} votés. Confirmez l’accord au-delà de l’enveloppe si vous le décidez.`,
    );
  }
}

export const envelopeHandlers = {
  'envelope:list': (ctx, input) => {
    const db = ctx.app.vault.db;
    const day = today(ctx);
    const year = input.year;
    const [from, to] = yearBounds(year);
    let groups: EnvelopeGroup[] = [];
    const labels = repo.dispositifLabels(db);
    // Every règlement in force that year has its own envelopes (none: the envelopes voted and the grants still show).
    for (const row of repo.reglementRowsInForce(db, year === ctx.now.getFullYear() ? day : to)) groups.push(...envelopeGroups(repo.reglementDoc(db, row.id)));
    const voted = envRepo.envelopeCodesOfYear(db, year).map((r) => r.code);
    const granted = envRepo.grantedDispositifs(db, from, to).map((r) => r.code);
    groups = envelopesShown(groups, voted, granted, labels);
    const progress = yearProgress(year, day);
    const rows = groups.map((g) => {
      const v = envRepo.findVotedCents(db, year, g.code)?.v ?? null;
      const e = envRepo.engagedIn(db, year, g.dispositifs);
      const pending = envRepo.pendingCents(db, g.dispositifs);
      return envelopeRow(g, labels, v, e, pending, progress);
    });
    return { year, asOf: day, rows };
  },

  'envelope:set': (ctx, input) => {
    const db = ctx.app.vault.db;
    db.transaction(() => {
      envRepo.upsertEnvelope(db, input.year, input.envelope, input.votedCents, sessionOf(ctx).userId, ctx.now);
      audit(ctx, 'envelope.set', 'envelope', input.year, { envelope: input.envelope, votedCents: input.votedCents });
    })();
    return {};
  },
} satisfies { [C in keyof AidesHandlers as C extends `envelope:${string}` ? C : never]: AidesHandlers[C] };
