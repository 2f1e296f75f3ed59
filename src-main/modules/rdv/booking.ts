/** Booking an appointment inside the caller's transaction (used by `rdv:book` and the premier accueil). */
import { PasseurError } from '../../shared/errors';
import type { CallContext } from '../../api/app';
import { sessionOf } from '../../api/app';
import type { AppointmentOut } from './contract';
import { appendAudit } from '../../store/audit';
import { addMinutes, frDate, localMinute } from '../../shared/time';
import { requireSocialWorker } from '../dsu';
import { getPerson } from '../persons';
import * as repo from './repo';
import { nextFree } from './rules';

export const hm = (local: string) => local.slice(11).replace(':', ' h ');

/** Books inside the caller's transaction; refuses a double booking with the next free slot. */
export function book(
  ctx: CallContext,
  a: { professionalId: number; personId: number; startsAt: string; durationMin: number; kind: AppointmentOut['kind']; place: string },
): AppointmentOut {
  const db = ctx.app.vault.db;
  const pro = requireSocialWorker(db, a.professionalId, 'professionalId');
  const person = getPerson(db, a.personId);
  if (!person || person.mergedInto !== null) throw new PasseurError('not_found', 'Cette personne n’existe pas (ou sa fiche a été fusionnée). Recherchez-la à nouveau.', 'personId');
  if (a.startsAt < localMinute(ctx.now)) {
    throw new PasseurError('invalid_input', 'Ce créneau est déjà passé : choisissez une date et une heure à venir.', 'startsAt');
  }
  const endsAt = addMinutes(a.startsAt, a.durationMin);
  const clash = repo.busyBetween(db, pro.id, a.startsAt, endsAt)[0];
  if (clash) {
    const free = nextFree(a.startsAt, a.durationMin, repo.busyBetween(db, pro.id, a.startsAt, '9999'));
    throw new PasseurError(
      'conflict',
      `${pro.displayName} a déjà un rendez-vous de ${hm(clash.startsAt)} à ${hm(clash.endsAt)} ce jour-là. Choisissez un autre créneau${
        free ? ` (premier créneau libre : le ${frDate(free)} à ${hm(free)})` : ''
      }.`,
      'startsAt',
    );
  }
  const id = repo.insertAppointment(
    db,
    { professionalId: pro.id, personId: person.id, householdId: person.householdId, startsAt: a.startsAt, endsAt, kind: a.kind, place: a.place, bookedBy: sessionOf(ctx).userId },
    ctx.now.toISOString(),
  );
  appendAudit(db, { userId: sessionOf(ctx).userId, action: 'appointment.book', entity: 'appointment', entityId: id, detail: { professionalId: pro.id, kind: a.kind } }, ctx.now);
  return repo.getAppointment(db, id)!;
}
