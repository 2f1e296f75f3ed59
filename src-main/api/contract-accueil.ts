/**
 * Channels of the front desk and of the social workers' daily work: persons and households,
 * premier accueil, the Dossier Social Unique, appointments and partners (DOMAIN §2, §3, §7,
 * §9). Part of the one contract (`contract.ts`).
 *
 * Who reads what (DOMAIN §1): the secretaire's channels answer with identity, contact,
 * household, appointments, and the DSU's number and référent — the schemas below name
 * nothing else, and the dispatcher strips what a schema does not name. Social content
 * (journal, notes, documents, consents, first-contact requests) is only in `dsu:*`
 * channels, which the secretaire cannot call.
 */
import { z } from 'zod';
import { channel } from './spec';
import { isoDate } from '../shared/calendar-date';
import { longText, multiLine, oneLine, required, requiredLong, text } from './text';

export const SOCIAL = ['ass', 'cesf', 'responsable'] as const;
export const FRONT = ['secretaire', 'ass', 'cesf', 'responsable'] as const;

export * from './kinds-accueil';
import { CLOSE_REASONS, CONSENT_FORMS, CONTACT_MODES, DOCUMENT_KINDS, DSU_STATUSES, FIELDS, HOUSEHOLD_ROLES, JOURNAL_TYPES, OUTCOMES, RDV_KINDS, RDV_STATUSES } from './kinds-accueil';

const id = z.number().int().positive();

export { isoDate };
/** A local date and time on the site's clock, to the minute: `2026-11-23T09:30`. */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Date et heure attendues au format AAAA-MM-JJTHH:MM.' })
  .refine((s) => {
    const d = new Date(`${s}:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 16) === s;
  }, { message: 'Cette date ou cette heure n’existe pas.' });

const userRef = z.object({ id, displayName: z.string() });

const personFields = {
  birthName: required(80, 'Nom de naissance'),
  usageName: text(80, 'Nom d’usage').default(''),
  firstNames: required(120, 'Prénom(s)'),
  sex: z.enum(['', 'F', 'M']).default(''),
  birthDate: isoDate.nullable().default(null),
  phone: text(30, 'Téléphone')
    .regex(/^[\d\s+().-]*$/, { message: 'Téléphone : chiffres, espaces, points, tirets ou + seulement.' })
    .default(''),
  email: text(120, 'Courriel')
    .regex(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'Courriel invalide (ex. prenom.nom@exemple.fr).' })
    .default(''),
};

const personHit = z.object({
  id,
  birthName: z.string(),
  usageName: z.string(),
  firstNames: z.string(),
  birthDate: z.string().nullable(),
  phone: z.string(),
  householdId: id.nullable(),
  commune: z.string().nullable(),
  dsu: z.object({ id, number: z.string(), status: z.enum(DSU_STATUSES), referent: userRef }).nullable(),
});
export type PersonHit = z.infer<typeof personHit>;

const appointmentOut = z.object({
  id,
  professional: userRef,
  person: z.object({ id, name: z.string() }),
  householdId: id.nullable(),
  /** The household's DSU reference (number only: what the front desk may know). */
  dsu: z.object({ id, number: z.string() }).nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  kind: z.enum(RDV_KINDS),
  place: z.string(),
  status: z.enum(RDV_STATUSES),
});
export type AppointmentOut = z.infer<typeof appointmentOut>;

const memberOut = z.object({
  id,
  birthName: z.string(),
  usageName: z.string(),
  firstNames: z.string(),
  sex: z.string(),
  birthDate: z.string().nullable(),
  phone: z.string(),
  email: z.string(),
  role: z.enum(HOUSEHOLD_ROLES).nullable(),
});

const householdOut = z.object({
  id,
  address: z.string(),
  communeInsee: z.string().nullable(),
  communeName: z.string().nullable(),
  members: z.array(memberOut),
});

const dsuRef = z.object({ id, number: z.string(), status: z.enum(DSU_STATUSES), referent: userRef });

/** Everything the front desk may know of a person (DOMAIN §1, secretaire). */
const personCard = z.object({
  person: memberOut.extend({ householdId: id.nullable() }),
  household: householdOut.nullable(),
  dsu: dsuRef.nullable(),
  proposedReferents: z.object({ sector: z.string().nullable(), ass: userRef.nullable(), cesf: userRef.nullable() }),
  appointments: z.array(appointmentOut),
});
export type PersonCard = z.infer<typeof personCard>;

const householdInput = z.union([
  z.strictObject({ existingId: id, role: z.enum(HOUSEHOLD_ROLES) }),
  z.strictObject({
    address: text(200, 'Adresse').default(''),
    communeInsee: z.string().trim().regex(/^(\d{5}|2[AB]\d{3})$/, { message: 'Commune : code INSEE à 5 caractères.' }).nullable(),
    role: z.enum(HOUSEHOLD_ROLES).default('demandeur'),
  }),
]);

const duplicateOut = personHit.extend({ reasons: z.array(z.enum(['same_phone', 'same_birth_date_close_name', 'same_name'])) });

const appointmentInput = z.strictObject({
  professionalId: id,
  personId: id,
  startsAt: localDateTime,
  durationMin: z.number().int().min(10, { message: 'Durée : 10 minutes au moins.' }).max(240, { message: 'Durée : 4 heures au plus.' }),
  kind: z.enum(RDV_KINDS),
  place: required(120, 'Lieu'),
});

const partnerFields = {
  organisation: required(120, 'Organisme'),
  service: text(120, 'Service').default(''),
  category: text(60, 'Catégorie').default(''),
  address: text(200, 'Adresse').default(''),
  postcode: text(10, 'Code postal').default(''),
  city: text(80, 'Ville').default(''),
  phone: text(30, 'Téléphone').default(''),
  email: text(120, 'Courriel').default(''),
  contact: text(120, 'Contact').default(''),
  missions: longText(1000, 'Missions').default(''),
};
const partnerOut = z.object({
  id,
  organisation: z.string(),
  service: z.string(),
  category: z.string(),
  address: z.string(),
  postcode: z.string(),
  city: z.string(),
  phone: z.string(),
  email: z.string(),
  contact: z.string(),
  missions: z.string(),
  active: z.boolean(),
});
export type PartnerOut = z.infer<typeof partnerOut>;

const dsuRow = z.object({
  id,
  number: z.string(),
  holder: z.string(),
  commune: z.string().nullable(),
  referent: userRef,
  status: z.enum(DSU_STATUSES),
  openedAt: z.string(),
  lastContactOn: z.string(),
  mine: z.boolean(),
});
export type DsuRow = z.infer<typeof dsuRow>;

const journalEntryOut = z.object({
  id,
  occurredOn: z.string(),
  type: z.enum(JOURNAL_TYPES),
  /** null only for an entry made from an honoured appointment. */
  field: z.enum(FIELDS).nullable(),
  summary: z.string(),
  /** null when there is none; `hidden: true` when there is one the reader may not see. */
  restrictedNote: z.string().nullable(),
  restrictedHidden: z.boolean(),
  authors: z.array(userRef),
  partner: z.object({ id, name: z.string() }).nullable(),
  appointmentId: id.nullable(),
  createdAt: z.string(),
});
export type JournalEntryOut = z.infer<typeof journalEntryOut>;

const consentOut = z.object({
  id,
  person: z.object({ id, name: z.string() }),
  partnerId: id.nullable(),
  recipient: z.string(),
  scope: z.string(),
  form: z.enum(CONSENT_FORMS),
  givenOn: z.string(),
  withdrawnOn: z.string().nullable(),
});
export type ConsentOut = z.infer<typeof consentOut>;

const documentOut = z.object({
  id,
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  docDate: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedBy: userRef,
  uploadedAt: z.string(),
});

const dsuOut = z.object({
  id,
  number: z.string(),
  status: z.enum(DSU_STATUSES),
  closeReason: z.enum(CLOSE_REASONS).nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  lastContactOn: z.string(),
  referent: userRef,
  household: householdOut,
  intervenants: z.array(
    z.object({ id, user: userRef.nullable(), externalName: z.string().nullable(), mission: z.string(), startedOn: z.string(), endedOn: z.string().nullable() }),
  ),
  journal: z.array(journalEntryOut),
  journalMore: z.boolean(),
  documents: z.array(documentOut),
  consents: z.array(consentOut),
  firstContacts: z.array(
    z.object({
      id,
      at: z.string(),
      mode: z.enum(CONTACT_MODES),
      takenBy: userRef,
      person: z.object({ id, name: z.string() }),
      motifs: z.array(z.string()),
      urgent: z.boolean(),
      urgencyReason: z.string(),
      request: z.string(),
      outcome: z.enum(OUTCOMES),
      partner: z.string().nullable(),
    }),
  ),
  appointments: z.array(appointmentOut),
  /** Shown to the référent and the responsables (DOMAIN §1). Empty for others. */
  exceptionalAccesses: z.array(z.object({ id, user: userRef, reason: z.string(), at: z.string() })),
  /** How the reader holds the file: référent, co-intervenant, responsable or exceptional access. */
  access: z.enum(['referent', 'intervenant', 'responsable', 'exceptionnel']),
  canWrite: z.boolean(),
});
export type DsuOut = z.infer<typeof dsuOut>;

const fileOut = z.object({ fileName: z.string(), mime: z.string(), contentBase64: z.string() });

const optionsOut = z.object({
  motifs: z.array(z.object({ code: z.string(), label: z.string() })),
  professionals: z.array(z.object({ id, displayName: z.string(), roles: z.array(z.string()) })),
  communes: z.array(
    z.object({ insee: z.string(), name: z.string(), sector: z.string().nullable(), ass: userRef.nullable(), cesf: userRef.nullable() }),
  ),
});
export type IntakeOptions = z.infer<typeof optionsOut>;

const reasonText = multiLine(
  z.string().trim().min(10, { message: 'Motif : expliquez en une phrase au moins (10 caractères) pourquoi vous ouvrez ce dossier.' }).max(500),
  'Motif',
);

export const accueilChannels = {
  // Persons and households ------------------------------------------------------------------
  'persons:search': channel({
    input: z.strictObject({ q: oneLine(z.string().max(120), 'Recherche'), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.object({ results: z.array(personHit), truncated: z.boolean() }),
    access: FRONT,
  }),
  'persons:duplicates': channel({
    input: z.strictObject({
      birthName: oneLine(z.string().trim().max(80), 'Nom de naissance').default(''),
      usageName: oneLine(z.string().trim().max(80), 'Nom d’usage').default(''),
      firstNames: oneLine(z.string().trim().max(120), 'Prénom(s)').default(''),
      birthDate: isoDate.nullable().default(null),
      phone: oneLine(z.string().trim().max(30), 'Téléphone').default(''),
      excludeId: id.optional(),
    }),
    output: z.array(duplicateOut),
    access: FRONT,
  }),
  'persons:get': channel({ input: z.strictObject({ id }), output: personCard, access: FRONT }),
  'persons:create': channel({
    input: z.strictObject({
      ...personFields,
      household: householdInput,
      /** Set after the person at the desk confirmed that the duplicates shown are other people. */
      confirmNotDuplicate: z.boolean().default(false),
    }),
    output: personCard,
    access: FRONT,
  }),
  'persons:update': channel({
    input: z.strictObject({ id, ...personFields, household: householdInput.optional() }),
    output: personCard,
    access: FRONT,
  }),
  'households:update': channel({
    input: z.strictObject({
      id,
      address: text(200, 'Adresse'),
      communeInsee: z.string().trim().regex(/^(\d{5}|2[AB]\d{3})$/, { message: 'Commune : code INSEE à 5 caractères.' }).nullable(),
    }),
    output: householdOut,
    access: FRONT,
  }),
  'persons:merge': channel({
    input: z.strictObject({ keepId: id, absorbId: id }),
    output: z.object({ mergeId: id, kept: personCard }),
    access: ['responsable'],
  }),
  'persons:unmerge': channel({ input: z.strictObject({ mergeId: id }), output: z.object({}), access: ['responsable'] }),
  'persons:merges': channel({
    input: z.object({}),
    output: z.array(
      z.object({
        id,
        kept: z.object({ id, name: z.string() }),
        absorbed: z.object({ id, name: z.string() }),
        at: z.string(),
        by: userRef,
        undoneAt: z.string().nullable(),
      }),
    ),
    access: ['responsable'],
  }),

  // Premier accueil -----------------------------------------------------------------------
  'intake:options': channel({ input: z.object({}), output: optionsOut, access: FRONT }),
  'intake:record': channel({
    input: z
      .strictObject({
        personId: id,
        mode: z.enum(CONTACT_MODES),
        motifs: z.array(oneLine(z.string().max(40), 'Motif')).min(1, { message: 'Choisissez au moins un motif.' }).max(10),
        urgent: z.boolean(),
        urgencyReason: text(300, 'Motif d’urgence').default(''),
        request: requiredLong(2000, 'Demande'),
        outcome: z.enum(OUTCOMES),
        partnerId: id.nullable().default(null),
        appointment: appointmentInput.omit({ personId: true }).nullable().default(null),
        referentId: id.nullable().default(null),
      })
      .superRefine((v, ctx) => {
        if (v.urgent && !v.urgencyReason) ctx.addIssue({ code: 'custom', path: ['urgencyReason'], message: 'Urgence : précisez-en la raison.' });
        if (v.outcome === 'orientation' && v.partnerId === null) ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'Orientation : choisissez le partenaire.' });
        if (v.outcome === 'rdv' && v.appointment === null) ctx.addIssue({ code: 'custom', path: ['appointment'], message: 'Rendez-vous : choisissez le professionnel, la date et l’heure.' });
      }),
    output: z.object({ id, appointment: appointmentOut.nullable(), dsu: dsuRef.nullable() }),
    access: FRONT,
  }),

  /** The motifs list (DOMAIN §2: configurable), all of them with their state, for the admin. */
  'intake:motifs': channel({
    input: z.object({}),
    output: z.array(z.object({ code: z.string(), label: z.string(), active: z.boolean(), position: z.number().int() })),
    access: ['admin'],
  }),
  'intake:saveMotif': channel({
    input: z.strictObject({
      code: oneLine(z.string().max(40), 'Code du motif').optional(),
      label: required(60, 'Libellé du motif'),
      active: z.boolean().default(true),
    }),
    output: z.object({ code: z.string(), label: z.string(), active: z.boolean(), position: z.number().int() }),
    access: ['admin'],
  }),

  // Appointments --------------------------------------------------------------------------
  'rdv:agenda': channel({
    input: z.strictObject({ professionalId: id, from: isoDate, days: z.number().int().min(1).max(31).default(7) }),
    output: z.array(appointmentOut),
    access: FRONT,
  }),
  'rdv:book': channel({ input: appointmentInput, output: appointmentOut, access: FRONT }),
  'rdv:nextFree': channel({
    input: z.strictObject({ professionalId: id, from: localDateTime, durationMin: z.number().int().min(10).max(240) }),
    output: z.object({ startsAt: z.string() }),
    access: FRONT,
  }),
  'rdv:setStatus': channel({
    input: z.strictObject({ id, status: z.enum(['honore', 'absent', 'annule']) }),
    output: appointmentOut,
    access: FRONT,
  }),

  // Partners ------------------------------------------------------------------------------
  'partners:list': channel({ input: z.object({}), output: z.array(partnerOut), access: [...FRONT, 'admin'] }),
  'partners:save': channel({
    input: z.strictObject({ id: id.optional(), ...partnerFields, active: z.boolean().default(true) }),
    output: partnerOut,
    access: [...FRONT, 'admin'],
  }),
  'partners:import': channel({
    input: z.strictObject({ csv: z.string().max(2_000_000, { message: 'Fichier trop grand : 2 Mo au plus.' }) }),
    output: z.object({ imported: z.number().int(), updated: z.number().int(), errors: z.array(z.object({ line: z.number().int(), message: z.string() })) }),
    access: ['secretaire', 'responsable', 'admin'],
  }),

  // Dossier Social Unique -------------------------------------------------------------------
  'dsu:list': channel({ input: z.strictObject({ scope: z.enum(['mine', 'site']) }), output: z.array(dsuRow), access: SOCIAL }),
  'dsu:open': channel({ input: z.strictObject({ householdId: id, referentId: id.nullable().default(null) }), output: dsuRef, access: SOCIAL }),
  'dsu:get': channel({ input: z.strictObject({ id, reason: reasonText.optional() }), output: dsuOut, access: SOCIAL }),
  'dsu:journal': channel({
    input: z.strictObject({ id, beforeId: id }),
    output: z.object({ entries: z.array(journalEntryOut), more: z.boolean() }),
    access: SOCIAL,
  }),
  'dsu:addEntry': channel({
    input: z.strictObject({
      dsuId: id,
      occurredOn: isoDate,
      type: z.enum(JOURNAL_TYPES),
      field: z.enum(FIELDS),
      summary: requiredLong(8000, 'Résumé'),
      restrictedNote: longText(8000, 'Note restreinte').default(''),
      coAuthorIds: z.array(id).max(3).default([]),
      partnerId: id.nullable().default(null),
    }),
    output: journalEntryOut,
    access: SOCIAL,
  }),
  'dsu:setReferent': channel({ input: z.strictObject({ dsuId: id, referentId: id }), output: dsuRef, access: ['responsable'] }),
  'dsu:addIntervenant': channel({
    input: z
      .strictObject({
        dsuId: id,
        userId: id.nullable().default(null),
        externalName: text(160, 'Professionnel extérieur').default(''),
        mission: required(120, 'Mission'),
      })
      .refine((v) => (v.userId === null) !== (v.externalName === ''), {
        message: 'Choisissez un professionnel du site ou saisissez un professionnel extérieur (l’un ou l’autre).',
        path: ['userId'],
      }),
    output: z.object({}),
    access: SOCIAL,
  }),
  'dsu:endIntervenant': channel({ input: z.strictObject({ id }), output: z.object({}), access: SOCIAL }),
  'dsu:addDocument': channel({
    input: z.strictObject({
      dsuId: id,
      kind: z.enum(DOCUMENT_KINDS),
      title: required(200, 'Titre du document'),
      docDate: isoDate,
      contentBase64: z.string().min(1, { message: 'Fichier vide : choisissez un fichier.' }).max(15_000_000, { message: 'Fichier trop volumineux : 10 Mo au plus.' }),
    }),
    output: documentOut,
    access: SOCIAL,
  }),
  'dsu:getDocument': channel({ input: z.strictObject({ id }), output: fileOut, access: SOCIAL }),
  'dsu:addConsent': channel({
    input: z
      .strictObject({
        dsuId: id,
        personId: id,
        partnerId: id.nullable().default(null),
        recipientLabel: text(200, 'Destinataire').default(''),
        scope: required(500, 'Objet du partage'),
        form: z.enum(CONSENT_FORMS),
        givenOn: isoDate,
      })
      .refine((v) => v.partnerId !== null || v.recipientLabel !== '', { message: 'Destinataire : choisissez un partenaire ou nommez le professionnel.', path: ['recipientLabel'] }),
    output: consentOut,
    access: SOCIAL,
  }),
  'dsu:withdrawConsent': channel({ input: z.strictObject({ id, withdrawnOn: isoDate }), output: consentOut, access: SOCIAL }),
  'dsu:close': channel({ input: z.strictObject({ id, reason: z.enum(CLOSE_REASONS) }), output: dsuRef, access: SOCIAL }),
  'dsu:reopen': channel({ input: z.strictObject({ id }), output: dsuRef, access: SOCIAL }),
  'dsu:retention': channel({ input: z.object({}), output: z.object({ limitDate: z.string(), source: z.string(), rows: z.array(dsuRow) }), access: ['responsable'] }),
  'dsu:archive': channel({
    input: z.strictObject({ ids: z.array(id).min(1, { message: 'Sélectionnez au moins un dossier.' }).max(5000), closeReason: z.enum(CLOSE_REASONS).default('sans_nouvelles') }),
    output: z.object({ closed: z.number().int(), archived: z.number().int() }),
    access: ['responsable'],
  }),
  'dsu:export': channel({ input: z.strictObject({ id, format: z.enum(['pdf', 'json']) }), output: fileOut, access: SOCIAL }),
} as const;
