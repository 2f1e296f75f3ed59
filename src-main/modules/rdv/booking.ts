/** Booking an appointment inside the caller's transaction (used by `rdv:book` and the premier accueil), and the slot rule moves share. */
import { PasseurError } from '../../shared/errors';
import type { CallContext } from '../../api/app';
import { sessionOf } from '../../api/app';
import type { AppointmentOut } from './contract';
import type { Db } from '../../store/database';
import { appendAudit } from '../../store/audit';
import { addMinutes, frDate, localMinute } from '../../shared/time';
import { requireSocialWorker } from '../dsu';
import { getPerson } from '../persons';
import * as repo from './repo';
import { nextFree } from './rules';

export const hm = (local: string) => local.slice(11).replace(':', ' h ');

/**
 * The one rule for a slot, booking or moving: not past, not a day the site is closed, and no
 * other planned or honoured appointment of the professional overlapping it (`exceptId`: the
 * appointment being moved). Refused with the next free slot.
 */
export function checkSlot(ctx: CallContext, pro: { id: number; displayName: string }, startsAt: string, durationMin: number, exceptId = 0): string {
  const db = ctx.app.vault.db;
  if (startsAt < localMinute(ctx.now)) {
    throw new PasseurError('invalid_input', 'Ce créneau est déjà passé : choisissez une date et une heure à venir.', 'startsAt');
  }
  const hours = repo.hours(db);
  const closed = hours.closed.find((c) => c.day === startsAt.slice(0, 10));
  if (closed) {
    throw new PasseurError('invalid_input', `Le site est fermé le ${frDate(closed.day)}${closed.label ? ` (${closed.label})` : ''} : choisissez un autre jour.`, 'startsAt');
  }
  const endsAt = addMinutes(startsAt, durationMin);
  const others = (from: string, to: string) => repo.busyBetween(db, pro.id, from, to, exceptId);
  const clash = others(startsAt, endsAt)[0];
  if (clash) {
    const free = nextFree(hours, startsAt, durationMin, others(startsAt, '9999'));
    throw new PasseurError(
      'conflict',
      `${pro.displayName} a déjà un rendez-vous de ${hm(clash.startsAt)} à ${hm(clash.endsAt)} ce jour-là. Choisissez un autre créneau${
        free ? ` (premier créneau libre : le ${frDate(free)} à ${hm(free)})` : ''
      }.`,
      'startsAt',
    );
  }
  return endsAt;
}

/** Books inside the caller's transaction; refuses a double booking with the next free slot. */
export function book(
  ctx: CallContext,
  a: { professionalId: number; personId: number; startsAt: string; durationMin: number; kind: AppointmentOut['kind']; place: string },
): AppointmentOut {
  const db: Db = ctx.app.vault.db;
  const pro = requireSocialWorker(db, a.professionalId, 'professionalId');
  const person = getPerson(db, a.personId);
  if (!person || person.mergedInto !== null) throw new PasseurError('not_found', 'Cette personne n’existe pas (ou sa fiche a été fusionnée). Recherchez-la à nouveau.', 'personId');
  const endsAt = checkSlot(ctx, pro, a.startsAt, a.durationMin);
  const id = repo.insertAppointment(
    db,
    { professionalId: pro.id, personId: person.id, householdId: person.householdId, startsAt: a.startsAt, endsAt, kind: a.kind, place: a.place, bookedBy: sessionOf(ctx).userId },
    ctx.now.toISOString(),
  );
  appendAudit(db, { userId: sessionOf(ctx).userId, action: 'appointment.book', entity: 'appointment', entityId: id, detail: { professionalId: pro.id, kind: a.kind } }, ctx.now);
  return repo.getAppointment(db, id)!;
}
