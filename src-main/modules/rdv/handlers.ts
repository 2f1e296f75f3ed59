/** Channels `rdv:*`: appointments (DOMAIN §7). Secretaries book for ASS/CESF. */
import { PasseurError } from '../../shared/errors';
import type { RdvHandlers } from './contract';
import type { AppointmentOut } from './contract';
import { appendAudit } from '../../store/audit';
import { localDay, localMinute } from '../../shared/time';
import { sessionOf } from '../../api/app';
import * as dsuModule from '../dsu';
import { book, hm } from './booking';
import * as repo from './repo';
import { nextFree } from './rules';

/** The journal type an honoured appointment becomes (DOMAIN §3 and §7). */
const JOURNAL_TYPE: Record<AppointmentOut['kind'], string> = {
  premier_accueil_telephonique: 'entretien_telephonique',
  premier_accueil_presentiel: 'entretien_bureau',
  accompagnement_presentiel: 'entretien_bureau',
  vad: 'vad',
  permanence: 'permanence_delocalisee',
};

export const rdvHandlers = {
  'rdv:forDsu': (ctx, input) => {
    const { dsu } = dsuModule.requireDsu(ctx, input.dsuId, 'read');
    return repo.ofHousehold(ctx.app.vault.db, dsu.householdId, 50);
  },

  'rdv:agenda': (ctx, input) => repo.agenda(ctx.app.vault.db, input.professionalId, input.from, input.days),

  'rdv:book': (ctx, input) => ctx.app.vault.db.transaction(() => book(ctx, input))(),

  'rdv:nextFree': (ctx, input) => {
    const db = ctx.app.vault.db;
    dsuModule.requireSocialWorker(db, input.professionalId, 'professionalId');
    const from = input.from < localMinute(ctx.now) ? localMinute(ctx.now) : input.from;
    const found = nextFree(from, input.durationMin, repo.busyBetween(db, input.professionalId, from, '9999'));
    if (!found) throw new PasseurError('not_found', 'Aucun créneau libre dans les 60 prochains jours pour cette durée.');
    return { startsAt: found };
  },

  'rdv:setStatus': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const appt = repo.getAppointment(db, input.id);
    if (!appt) throw new PasseurError('not_found', 'Ce rendez-vous n’existe pas.');
    if (appt.status !== 'prevu') {
      throw new PasseurError('conflict', `Ce rendez-vous est déjà marqué « ${dsuModule.label(appt.status).toLowerCase()} ». Pour un nouveau rendez-vous, réservez un autre créneau.`);
    }
    if (input.status !== 'annule') {
      if (appt.professional.id !== s.userId && !s.roles.includes('responsable')) {
        throw new PasseurError('forbidden', `Seul(e) ${appt.professional.displayName} (ou un responsable) peut indiquer si le rendez-vous a été honoré.`);
      }
      if (appt.startsAt > localMinute(ctx.now)) throw new PasseurError('conflict', 'Ce rendez-vous n’a pas encore eu lieu : vous pourrez le marquer honoré ou absent ensuite.');
    }
    // Honoured, it is written in the open DSU's journal, like any intervention, with its field (DOMAIN §3).
    const dsu = appt.householdId !== null ? dsuModule.dsuOfHousehold(db, appt.householdId) : undefined;
    if (input.status === 'honore' && dsu?.status === 'actif' && input.field === undefined) {
      throw new PasseurError('invalid_input', `Indiquez le champ d’intervention de ce rendez-vous : il sera inscrit au journal du dossier ${dsu.number}.`, 'field');
    }
    if (input.field !== undefined && (input.status !== 'honore' || !dsu)) {
      throw new PasseurError('invalid_input', 'Le champ d’intervention ne s’indique que pour un rendez-vous honoré d’un foyer qui a un dossier social.', 'field');
    }
    db.transaction(() => {
      repo.setStatus(db, appt.id, input.status, s.userId, ctx.now.toISOString());
      appendAudit(db, { userId: s.userId, action: `appointment.${input.status}`, entity: 'appointment', entityId: appt.id }, ctx.now);
      // An honoured appointment appears in the journal of the household's open DSU (DOMAIN §7); a
      // closed file takes no entry (the field given for it, by a screen that could not know, is not kept).
      if (input.status === 'honore' && dsu && dsu.status === 'actif') {
        const day = appt.startsAt.slice(0, 10);
        const entry = dsuModule.insertEntry(
          db,
          {
            dsuId: dsu.id,
            occurredOn: day,
            type: JOURNAL_TYPE[appt.kind],
            field: input.field ?? null,
            summary: `Rendez-vous honoré : ${dsuModule.label(appt.kind).toLowerCase()}, ${appt.place}, à ${hm(appt.startsAt)}.`,
            restrictedNote: null,
            partnerId: null,
            appointmentId: appt.id,
            createdBy: s.userId,
            authors: [appt.professional.id],
          },
          ctx.now.toISOString(),
        );
        dsuModule.touchLastContact(db, dsu.id, day <= localDay(ctx.now) ? day : localDay(ctx.now));
        appendAudit(db, { userId: s.userId, action: 'journal.add', entity: 'dsu', entityId: dsu.id, detail: { entry, fromAppointment: appt.id } }, ctx.now);
      }
    })();
    return repo.getAppointment(db, appt.id)!;
  },
} satisfies { [C in keyof RdvHandlers as C extends `rdv:${string}` ? C : never]: RdvHandlers[C] };
