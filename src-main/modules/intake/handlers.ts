/** Channels `intake:*`: the premier accueil (DOMAIN §2), one record per first contact. */
import { PasseurError, refuseFields } from '../../shared/errors';
import type { IntakeHandlers } from './contract';
import { appendAudit } from '../../store/audit';
import { localDay } from '../../shared/time';
import { sessionOf } from '../../api/app';
import { openDsuFor, requireDsu, touchLastContact } from '../dsu';
import { dsuRefOfHousehold, fold, personOr404, proposedReferents } from '../persons';
import { book } from '../rdv';
import * as repo from './repo';

export const intakeHandlers = {
  'intake:forDsu': (ctx, input) => {
    const { dsu } = requireDsu(ctx, input.dsuId, 'read');
    return repo.firstContactsOfHousehold(ctx.app.vault.db, dsu.householdId);
  },

  'intake:forPerson': (ctx, input) => {
    const db = ctx.app.vault.db;
    personOr404(ctx, input.personId);
    const out = repo.recentFirstContactsOfPerson(db, input.personId).map(({ request: _r, urgencyReason: _u, person: _p, ...brief }) => brief);
    db.transaction(() => appendAudit(db, { userId: sessionOf(ctx).userId, action: 'firstcontact.read', entity: 'person', entityId: input.personId, detail: { count: out.length } }, ctx.now))();
    return out;
  },

  'intake:motifs': (ctx) => repo.listMotifs(ctx.app.vault.db),

  /** Adds a motif (its code made from the label) or renames / switches one on or off. Codes never change: past contacts keep theirs. */
  'intake:saveMotif': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const sameLabel = repo.motifCodeByLabel(db, input.label);
    if (sameLabel !== undefined && sameLabel !== input.code) throw new PasseurError('conflict', `Le motif « ${input.label} » existe déjà.`, 'label');
    const code = db.transaction(() => {
      if (input.code !== undefined) {
        if (!repo.updateMotif(db, input.code, input.label, input.active)) throw new PasseurError('not_found', 'Ce motif n’existe pas.');
        appendAudit(db, { userId: s.userId, action: 'motif.update', entity: 'motif', entityId: input.code, detail: { active: input.active } }, ctx.now);
        return input.code;
      }
      const base = fold(input.label).replace(/ /g, '_').slice(0, 36) || 'motif';
      let c = base;
      for (let i = 2; repo.motifCodeExists(db, c); i++) c = `${base}_${i}`;
      repo.insertMotif(db, c, input.label, input.active);
      appendAudit(db, { userId: s.userId, action: 'motif.create', entity: 'motif', entityId: c }, ctx.now);
      return c;
    })();
    return repo.getMotif(db, code)!;
  },

  'intake:options': (ctx) => {
    const db = ctx.app.vault.db;
    const motifs = repo.activeMotifs(db);
    const professionals = repo.socialWorkers(db);
    const communes = repo.communes(db).map((c) => {
      const p = proposedReferents(db, c.insee);
      return { ...c, sector: p.sector, ass: p.ass, cesf: p.cesf };
    });
    return { motifs, professionals, communes };
  },

  'intake:record': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const person = personOr404(ctx, input.personId);
    const known = new Set(repo.activeMotifCodes(db));
    const unknown = input.motifs.filter((m) => !known.has(m));
    // Every problem at once, each on its field (the form shows them all together).
    const problems: Record<string, string> = {};
    if (unknown.length) problems.motifs = `Motif inconnu : ${unknown.join(', ')}. Choisissez dans la liste.`;
    if (input.partnerId !== null && !repo.activePartnerExists(db, input.partnerId)) {
      problems.partnerId = 'Ce partenaire n’est pas dans l’annuaire (ou n’est plus actif).';
    }
    if (input.outcome === 'dsu' && person.householdId === null) {
      problems.outcome = 'Pour ouvrir un DSU, enregistrez d’abord le foyer de la personne (adresse et commune).';
    }
    refuseFields(problems);
    return db.transaction(() => {
      const appointment = input.outcome === 'rdv' && input.appointment ? book(ctx, { ...input.appointment, personId: person.id }) : null;
      let dsu = dsuRefOfHousehold(db, person.householdId);
      if (input.outcome === 'dsu' && !dsu) {
        const household = person.householdId!;
        const insee = repo.householdCommune(db, household);
        const proposed = proposedReferents(db, insee);
        const referentId = input.referentId ?? proposed.ass?.id ?? proposed.cesf?.id ?? null;
        if (referentId === null) {
          throw new PasseurError('invalid_input', 'Aucun référent n’est proposé pour cette commune : choisissez l’ASS ou la CESF qui sera référent(e).', 'referentId');
        }
        openDsuFor(ctx, household, referentId);
        dsu = dsuRefOfHousehold(db, household);
      }
      const id = repo.insertFirstContact(db, {
        at: ctx.now.toISOString(),
        mode: input.mode,
        takenBy: s.userId,
        personId: person.id,
        householdId: person.householdId,
        request: input.request,
        motifs: [...new Set(input.motifs)],
        urgent: input.urgent,
        urgencyReason: input.urgent ? input.urgencyReason : '',
        outcome: input.outcome,
        partnerId: input.outcome === 'orientation' ? input.partnerId : null,
        appointmentId: appointment?.id ?? null,
        dsuId: dsu?.id ?? null,
      });
      if (dsu && dsu.status === 'actif') touchLastContact(db, dsu.id, localDay(ctx.now));
      appendAudit(db, { userId: s.userId, action: 'first_contact.add', entity: 'person', entityId: person.id, detail: { firstContact: id, mode: input.mode, outcome: input.outcome } }, ctx.now);
      return { id, appointment, dsu };
    })();
  },
} satisfies { [C in keyof IntakeHandlers as C extends `intake:${string}` ? C : never]: IntakeHandlers[C] };
