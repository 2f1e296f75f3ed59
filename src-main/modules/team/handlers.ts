/** Team mode's channels: what the host's admin sees and does of the paired workstations. */
import type { CallContext } from '../../api/app';
import { sessionOf } from '../../api/app';
import { appendAudit } from '../../store/audit';
import { findUserById } from '../../store/users';
import { PasseurError } from '../../shared/errors';
import type { TeamHandlers, TeamWorkstation } from './contract';
import { hostingOf, teamOf, type TeamService, type WorkstationOut } from './service';

const NOT_HOSTING = 'Ce poste n’héberge pas l’équipe : activez « Héberger l’équipe » dans les paramètres du poste hôte (ou lancez « passeur serve --team »), puis réessayez.';

function service(ctx: CallContext): TeamService {
  const t = teamOf(ctx.app);
  if (!t) throw new PasseurError('conflict', NOT_HOSTING);
  return t;
}

function shape(ctx: CallContext, w: WorkstationOut): TeamWorkstation {
  const who = (id: number | null) => {
    if (id === null) return null;
    const u = findUserById(ctx.app.vault.db, id);
    return u ? { id, displayName: u.displayName } : null;
  };
  return { id: w.id, name: w.name, fingerprint: w.fingerprint, pairedAt: w.pairedAt, pairedBy: who(w.pairedBy), lastSeen: w.lastSeen, revokedAt: w.revokedAt, revokedBy: who(w.revokedBy) };
}

export const teamHandlers: TeamHandlers = {
  'team:status': (ctx) => {
    const t = teamOf(ctx.app);
    const control = hostingOf(ctx.app);
    const base = { canHost: control !== undefined, setting: control?.setting() ?? null };
    if (!t) return { hosting: false, ...base, address: null, fingerprint: null, pairing: null, workstations: [] };
    return { hosting: true, ...base, address: `${t.address}:${t.port}`, fingerprint: t.fingerprint, pairing: t.pairing(), workstations: t.workstations().map((w) => shape(ctx, w)) };
  },
  'team:setHosting': async (ctx, input) => {
    const control = hostingOf(ctx.app);
    if (!control) throw new PasseurError('conflict', 'Ce processus ne peut pas héberger l’équipe : utilisez l’application de bureau du poste hôte, ou « passeur serve --team --listen ADRESSE:PORT ».');
    const user = sessionOf(ctx).userId;
    if (input.enabled) await control.enable(input.address, input.port);
    else await control.disable();
    ctx.app.vault.db.transaction(() =>
      appendAudit(ctx.app.vault.db, { userId: user, action: input.enabled ? 'team.host_on' : 'team.host_off', entity: 'poste', detail: { port: input.port } }, ctx.now),
    )();
    return { hosting: teamOf(ctx.app) !== undefined };
  },
  'team:createPairingCode': async (ctx) => {
    const t = service(ctx);
    const user = sessionOf(ctx).userId;
    const code = await t.createPairingCode(user);
    ctx.app.vault.db.transaction(() => appendAudit(ctx.app.vault.db, { userId: user, action: 'team.pairing_code', entity: 'poste' }, ctx.now))();
    return { ...code, fingerprint: t.fingerprint };
  },
  'team:revoke': (ctx, input) => {
    const t = service(ctx);
    const user = sessionOf(ctx).userId;
    const known = t.workstations().find((w) => w.id === input.id);
    if (!known) throw new PasseurError('not_found', 'Poste inconnu : il a peut-être déjà été retiré. Rechargez la liste des postes.');
    if (known.revokedAt !== null) throw new PasseurError('conflict', `Le poste « ${known.name} » est déjà révoqué.`);
    const w = t.revoke(input.id, user)!;
    ctx.app.vault.db.transaction(() => appendAudit(ctx.app.vault.db, { userId: user, action: 'team.revoke', entity: 'poste', entityId: w.id }, ctx.now))();
    return shape(ctx, w);
  },
};
