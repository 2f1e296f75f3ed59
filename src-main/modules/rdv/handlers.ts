/** Channels `rdv:*`: appointments (DOMAIN §7). Secretaries book for ASS/CESF. */
import { PasseurError } from '../../shared/errors';
import type { RdvHandlers } from './contract';
import type { AppointmentOut } from './contract';
import { appendAudit } from '../../store/audit';
import { frDate, localDay, localMinute } from '../../shared/time';
import { sessionOf, type CallContext } from '../../api/app';
import * as dsuModule from '../dsu';
import { siteLogo, sitePostal } from '../admin';
import { civility, personName, postalLines } from '../../shared/french';
import { communeExists, getPerson, householdOf } from '../persons';
import { book, checkSlot, hm } from './booking';
import { remindersCsv, renderConvocation, renderReminders } from './letters';
import * as repo from './repo';
import { checkWeek, nextFree, occurrences } from './rules';

/** A planned appointment, or a French refusal: unknown, or already honoured, absent or cancelled. */
function plannedOr404(ctx: CallContext, id: number, what: string): AppointmentOut {
  const appt = repo.getAppointment(ctx.app.vault.db, id);
  if (!appt) throw new PasseurError('not_found', 'Ce rendez-vous n’existe pas (ou plus) : rechargez l’agenda.', 'id');
  if (appt.status !== 'prevu') {
    throw new PasseurError('conflict', `Ce rendez-vous est déjà marqué « ${dsuModule.label(appt.status).toLowerCase()} » : il ne peut plus être ${what}. Pour un nouveau rendez-vous, réservez un autre créneau.`);
  }
  return appt;
}

const audit = (ctx: CallContext, action: string, entityId: number, detail?: Record<string, unknown>) =>
  appendAudit(ctx.app.vault.db, { userId: sessionOf(ctx).userId, action, entity: 'appointment', entityId, ...(detail ? { detail } : {}) }, ctx.now);

function reminderRows(ctx: CallContext, day: string) {
  return repo.remindersOf(ctx.app.vault.db, day).map((r) => ({ ...r, kind: r.kind as AppointmentOut['kind'] }));
}

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
    const found = nextFree(repo.hours(db), from, input.durationMin, repo.busyBetween(db, input.professionalId, from, '9999'));
    if (!found) throw new PasseurError('not_found', 'Aucun créneau libre dans les 60 prochains jours pour cette durée, aux horaires d’ouverture du site.');
    return { startsAt: found };
  },
  'rdv:grid': (ctx, input) => {
    const db = ctx.app.vault.db;
    const ids = [...new Set(input.professionalIds)];
    for (const pid of ids) dsuModule.requireSocialWorker(db, pid, 'professionalIds');
    const hours = repo.hours(db);
    const permanences = repo.permanences(db, ids, input.from).flatMap((p) =>
      occurrences(p, hours, input.from, input.days).map((day) => ({ id: p.id, professionalId: p.professional.id, day, startsAt: p.startsAt, endsAt: p.endsAt, place: p.place, address: p.address, communeName: p.communeName })),
    );
    return { appointments: repo.agendas(db, ids, input.from, input.days), hours, permanences };
  },
  'rdv:move': (ctx, input) => {
    const db = ctx.app.vault.db;
    const appt = plannedOr404(ctx, input.id, 'déplacé');
    const pro = dsuModule.requireSocialWorker(db, input.professionalId, 'professionalId');
    return db.transaction(() => {
      const endsAt = checkSlot(ctx, pro, input.startsAt, input.durationMin, appt.id);
      repo.moveAppointment(db, appt.id, { professionalId: pro.id, startsAt: input.startsAt, endsAt, place: input.place });
      audit(ctx, 'appointment.move', appt.id, { from: appt.startsAt, to: input.startsAt, professionalId: pro.id });
      return repo.getAppointment(db, appt.id)!;
    })();
  },
  'rdv:cancel': (ctx, input) => {
    const db = ctx.app.vault.db;
    const appt = plannedOr404(ctx, input.id, 'annulé');
    if (input.reason === 'autre' && !input.note) throw new PasseurError('invalid_input', 'Motif « autre » : précisez-le en quelques mots.', 'note');
    return db.transaction(() => {
      repo.cancelAppointment(db, appt.id, input.reason, input.note, sessionOf(ctx).userId, ctx.now.toISOString());
      audit(ctx, 'appointment.annule', appt.id, { reason: input.reason });
      return repo.getAppointment(db, appt.id)!;
    })();
  },
  'rdv:convocation': async (ctx, input) => {
    const db = ctx.app.vault.db;
    const appt = plannedOr404(ctx, input.id, 'convoqué');
    if (appt.startsAt < localMinute(ctx.now)) throw new PasseurError('conflict', 'Ce rendez-vous est passé : une convocation n’a plus lieu d’être.');
    const person = getPerson(db, appt.person.id)!;
    const h = person.householdId !== null ? householdOf(db, person.householdId) : null;
    // The postal address: complement, number and street, then postcode and commune.
    const lines = h ? postalLines(h) : [];
    if (lines.length === 0) throw new PasseurError('conflict', 'Cette personne n’a pas d’adresse postale enregistrée : complétez son foyer (adresse, code postal, commune) avant d’éditer la convocation.');
    const title = civility(person.sex);
    db.transaction(() => audit(ctx, 'appointment.convocation', appt.id))();
    const pdf = await renderConvocation({
      site: sitePostal(db),
      logo: siteLogo(db),
      today: localDay(ctx.now),
      // Unknown civility: « Madame, Monsieur » opens the letter, the name stands alone on the envelope.
      recipient: { name: `${person.sex === 'F' || person.sex === 'M' ? `${title} ` : ''}${personName(person)}`, salutation: `${title},`, lines },
      startsAt: appt.startsAt,
      endsAt: appt.endsAt,
      kindLabel: dsuModule.label(appt.kind),
      place: appt.place,
      professional: appt.professional.displayName,
      bring: input.bring,
    });
    return { fileName: `convocation-${appt.startsAt.slice(0, 10)}-${appt.id}.pdf`, mime: 'application/pdf', contentBase64: pdf.toString('base64') };
  },
  'rdv:reminders': (ctx, input) => {
    const rows = reminderRows(ctx, input.day);
    // Phones are personal data: the read of the list is recorded.
    ctx.app.vault.db.transaction(() => appendAudit(ctx.app.vault.db, { userId: sessionOf(ctx).userId, action: 'appointment.reminders', entity: 'agenda', entityId: input.day, detail: { n: rows.length } }, ctx.now))();
    return rows;
  },
  'rdv:remindersFile': async (ctx, input) => {
    const db = ctx.app.vault.db;
    const rows = reminderRows(ctx, input.day).map((r) => ({ ...r, kindLabel: dsuModule.label(r.kind) }));
    db.transaction(() => appendAudit(db, { userId: sessionOf(ctx).userId, action: 'appointment.reminders', entity: 'agenda', entityId: input.day, detail: { n: rows.length, format: input.format } }, ctx.now))();
    const name = `rappels-${input.day}`;
    if (input.format === 'csv') return { fileName: `${name}.csv`, mime: 'text/csv', contentBase64: Buffer.from(remindersCsv(rows), 'utf8').toString('base64') };
    const pdf = await renderReminders({ site: sitePostal(db), day: input.day, today: localDay(ctx.now), rows });
    return { fileName: `${name}.pdf`, mime: 'application/pdf', contentBase64: pdf.toString('base64') };
  },
  'rdv:hours': (ctx) => repo.hours(ctx.app.vault.db),
  'rdv:permanences': (ctx) => {
    const db = ctx.app.vault.db;
    return { items: repo.permanences(db, null), professionals: repo.workers(db), communes: repo.communes(db) };
  },
  'rdv:savePermanence': (ctx, input) => {
    const db = ctx.app.vault.db;
    if (input.id !== undefined && !repo.permanenceExists(db, input.id)) throw new PasseurError('not_found', 'Cette permanence n’existe pas (ou plus) : rechargez la page.', 'id');
    dsuModule.requireSocialWorker(db, input.professionalId, 'professionalId');
    if (!communeExists(db, input.communeInsee)) throw new PasseurError('invalid_input', 'Cette commune n’est pas sur le territoire du site : choisissez-en une de la liste.', 'communeInsee');
    if (input.startsAt >= input.endsAt) throw new PasseurError('invalid_input', `La permanence finit (${input.endsAt}) avant de commencer (${input.startsAt}) : corrigez ses heures.`, 'endsAt');
    if (input.lastDay !== null && input.lastDay < input.firstDay) throw new PasseurError('invalid_input', 'Le dernier jour précède le premier : corrigez les dates.', 'lastDay');
    const saved = db.transaction(() => {
      const pid = repo.savePermanence(db, input, ctx.now.toISOString());
      appendAudit(db, { userId: sessionOf(ctx).userId, action: 'permanence.save', entity: 'permanence', entityId: pid, detail: { professionalId: input.professionalId } }, ctx.now);
      return pid;
    })();
    return repo.permanences(db, null).find((p) => p.id === saved)!;
  },
  'rdv:saveHours': (ctx, input) => {
    const db = ctx.app.vault.db;
    const wrong = checkWeek(input.week);
    if (wrong) throw new PasseurError('invalid_input', wrong, 'week');
    const days = input.closed.map((c) => c.day);
    const twice = days.find((d, i) => days.indexOf(d) !== i);
    if (twice) throw new PasseurError('invalid_input', `Le ${frDate(twice)} figure deux fois parmi les jours fermés : gardez-en un.`, 'closed');
    // A closed day that would leave planned appointments stranded is said, with how many, before anything is written.
    for (const d of days.filter((x) => !repo.hours(db).closed.some((c) => c.day === x))) {
      const planned = repo.remindersOf(db, d).length;
      if (planned > 0) throw new PasseurError('conflict', `${planned} rendez-vous sont prévus le ${frDate(d)} : déplacez-les ou annulez-les avant de fermer ce jour.`, 'closed');
    }
    db.transaction(() => {
      repo.saveHours(db, input);
      appendAudit(db, { userId: sessionOf(ctx).userId, action: 'site.hours', entity: 'site', entityId: 1, detail: { closedDays: days.length } }, ctx.now);
    })();
    return repo.hours(db);
  },

  'rdv:setStatus': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const appt = plannedOr404(ctx, input.id, 'marqué autrement');
    if (appt.professional.id !== s.userId && !s.roles.includes('responsable')) {
      throw new PasseurError('forbidden', `Seul(e) ${appt.professional.displayName} (ou un responsable) peut indiquer si le rendez-vous a été honoré.`);
    }
    if (appt.startsAt > localMinute(ctx.now)) throw new PasseurError('conflict', 'Ce rendez-vous n’a pas encore eu lieu : vous pourrez le marquer honoré ou absent ensuite.');
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
