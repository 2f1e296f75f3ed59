/** Channels `intake:*`: the premier accueil (DOMAIN §2), one record per first contact. */
import { PasseurError } from '../../shared/errors';
import type { Handler } from '../../api/dispatch';
import type { Channel } from '../../api/contract';
import { appendAudit } from '../../auth/audit';
import { prep } from '../../store/database';
import { localDay } from '../../shared/time';
import { sessionOf } from '../dsu/access';
import { openDsuFor } from '../dsu/handlers';
import * as dsuRepo from '../dsu/repo';
import { personOr404 } from '../persons/handlers';
import { fold } from '../persons/rules';
import { dsuRefOfHousehold, proposedReferents } from '../persons/repo';
import { book } from '../rdv/handlers';

type MotifRow = { code: string; label: string; active: number; position: number };
const motifOut = (m: MotifRow) => ({ ...m, active: m.active === 1 });

export const intakeHandlers = {
  'intake:motifs': (ctx) => (ctx.app.vault.db.prepare('SELECT code, label, active, position FROM motifs ORDER BY position').all() as MotifRow[]).map(motifOut),

  /** Adds a motif (its code made from the label) or renames / switches one on or off. Codes never change: past contacts keep theirs. */
  'intake:saveMotif': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const sameLabel = db.prepare('SELECT code FROM motifs WHERE label = ? COLLATE NOCASE').get(input.label) as { code: string } | undefined;
    if (sameLabel && sameLabel.code !== input.code) throw new PasseurError('conflict', `Le motif « ${input.label} » existe déjà.`, 'label');
    const code = db.transaction(() => {
      if (input.code !== undefined) {
        const r = db.prepare('UPDATE motifs SET label = ?, active = ? WHERE code = ?').run(input.label, input.active ? 1 : 0, input.code);
        if (r.changes === 0) throw new PasseurError('not_found', 'Ce motif n’existe pas.');
        appendAudit(db, { userId: s.userId, action: 'motif.update', entity: 'motif', entityId: input.code, detail: { active: input.active } }, ctx.now);
        return input.code;
      }
      const base = fold(input.label).replace(/ /g, '_').slice(0, 36) || 'motif';
      let c = base;
      for (let i = 2; db.prepare('SELECT 1 FROM motifs WHERE code = ?').get(c); i++) c = `${base}_${i}`;
      const position = ((db.prepare('SELECT max(position) AS m FROM motifs').get() as { m: number | null }).m ?? 0) + 1;
      db.prepare('INSERT INTO motifs (code, label, position, active) VALUES (?, ?, ?, ?)').run(c, input.label, position, input.active ? 1 : 0);
      appendAudit(db, { userId: s.userId, action: 'motif.create', entity: 'motif', entityId: c }, ctx.now);
      return c;
    })();
    return motifOut(db.prepare('SELECT code, label, active, position FROM motifs WHERE code = ?').get(code) as MotifRow);
  },

  'intake:options': (ctx) => {
    const db = ctx.app.vault.db;
    const motifs = db.prepare('SELECT code, label FROM motifs WHERE active = 1 ORDER BY position').all() as { code: string; label: string }[];
    const professionals = (
      db
        .prepare(
          `SELECT u.id, u.display_name AS displayName, json_group_array(r.role) AS roles FROM users u JOIN user_roles r ON r.user_id = u.id
           WHERE u.disabled_at IS NULL AND u.id IN (SELECT user_id FROM user_roles WHERE role IN ('ass', 'cesf'))
           GROUP BY u.id ORDER BY u.display_name COLLATE NOCASE`,
        )
        .all() as { id: number; displayName: string; roles: string }[]
    ).map((u) => ({ ...u, roles: JSON.parse(u.roles) as string[] }));
    const communes = (db.prepare('SELECT insee, name FROM communes ORDER BY name COLLATE NOCASE').all() as { insee: string; name: string }[]).map((c) => {
      const p = proposedReferents(db, c.insee);
      return { ...c, sector: p.sector, ass: p.ass, cesf: p.cesf };
    });
    return { motifs, professionals, communes };
  },

  'intake:record': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const person = personOr404(ctx, input.personId);
    const known = new Set((prep(db, 'SELECT code FROM motifs WHERE active = 1').all() as { code: string }[]).map((m) => m.code));
    const unknown = input.motifs.filter((m) => !known.has(m));
    if (unknown.length) throw new PasseurError('invalid_input', `Motif inconnu : ${unknown.join(', ')}. Choisissez dans la liste.`, 'motifs');
    if (input.partnerId !== null && db.prepare('SELECT 1 FROM partners WHERE id = ? AND active = 1').get(input.partnerId) === undefined) {
      throw new PasseurError('invalid_input', 'Ce partenaire n’est pas dans l’annuaire (ou n’est plus actif).', 'partnerId');
    }
    if (input.outcome === 'dsu' && person.householdId === null) {
      throw new PasseurError('invalid_input', 'Pour ouvrir un DSU, enregistrez d’abord le foyer de la personne (adresse et commune).', 'outcome');
    }
    return db.transaction(() => {
      const appointment = input.outcome === 'rdv' && input.appointment ? book(ctx, { ...input.appointment, personId: person.id }) : null;
      let dsu = dsuRefOfHousehold(db, person.householdId);
      if (input.outcome === 'dsu' && !dsu) {
        const household = person.householdId!;
        const insee = (db.prepare('SELECT commune_insee AS c FROM households WHERE id = ?').get(household) as { c: string | null }).c;
        const proposed = proposedReferents(db, insee);
        const referentId = input.referentId ?? proposed.ass?.id ?? proposed.cesf?.id ?? null;
        if (referentId === null) {
          throw new PasseurError('invalid_input', 'Aucun référent n’est proposé pour cette commune : choisissez l’ASS ou la CESF qui sera référent(e).', 'referentId');
        }
        openDsuFor(ctx, household, referentId);
        dsu = dsuRefOfHousehold(db, household);
      }
      const r = prep(
        db,
        `INSERT INTO first_contacts (at, mode, taken_by, person_id, household_id, request, motifs, urgent, urgency_reason, outcome, partner_id, appointment_id, dsu_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
          ctx.now.toISOString(),
          input.mode,
          s.userId,
          person.id,
          person.householdId,
          input.request,
          JSON.stringify([...new Set(input.motifs)]),
          input.urgent ? 1 : 0,
          input.urgent ? input.urgencyReason : '',
          input.outcome,
          input.outcome === 'orientation' ? input.partnerId : null,
          appointment?.id ?? null,
          dsu?.id ?? null,
        );
      const id = Number(r.lastInsertRowid);
      if (dsu && dsu.status === 'actif') dsuRepo.touchLastContact(db, dsu.id, localDay(ctx.now));
      appendAudit(db, { userId: s.userId, action: 'first_contact.add', entity: 'person', entityId: person.id, detail: { firstContact: id, mode: input.mode, outcome: input.outcome } }, ctx.now);
      return { id, appointment, dsu };
    })();
  },
} satisfies { [C in Extract<Channel, `intake:${string}`>]: Handler<C> };
