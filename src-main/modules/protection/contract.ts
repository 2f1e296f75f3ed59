/**
 * The protection evaluations' channels (DOMAIN §10): informations préoccupantes (IP) and
 * informations signalantes about elderly or disabled adults (IS PA/PH). The most restricted
 * content of the app: only a responsable receives and assigns an evaluation; only its assigned
 * evaluators and the responsables read or write it; anyone else (a third ASS, a CESF not
 * assigned) gets the same « introuvable » as for an id that does not exist; the secrétaire and
 * the admin are refused every channel. There is no exceptional access.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { SOCIAL, fileOut, id, isoDate, userRef } from '../../api/schemas';
import { longText, required, requiredLong, text } from '../../api/text';
import { DANGER_KINDS, DANGER_LEVELS, type DOMAINS, ENTRY_TYPES, EXTERNAL_ROLES, INFORMED_HOW, KINDS, ORIGINS, PERSON_ROLES, PROPOSALS } from './kinds';

export { DANGER_KINDS, DANGER_LEVELS, DOMAINS, ENTRY_TYPES, EXTERNAL_ROLES, INFORMED_HOW, KINDS, ORIGINS, PROPOSALS } from './kinds';

const RESPONSABLE = ['responsable'] as const;

/** One professional of the team: a user of the app (ASS, CESF), or a named professional from outside it. */
export const memberInput = z.union(
  [
    z.strictObject({ userId: id }),
    z.strictObject({ externalName: required(120, 'Nom du professionnel'), externalRole: z.enum(EXTERNAL_ROLES, { message: 'Fonction du professionnel : CRIP, PMI, autre MDS, infirmière prévention adulte, référent autonomie ou autre.' }) }),
  ],
  { message: 'Équipe : chaque professionnel est un compte de l’application ou un nom avec sa fonction.' },
);

/** What the responsable records on receiving the information from the département's cell. */
export const intakeInput = z.strictObject({
  /** Absent: a new evaluation; given: that evaluation's intake corrected (team reassigned…). */
  id: id.nullable().default(null),
  kind: z.enum(KINDS, { message: 'Nature : information préoccupante (enfant) ou information signalante (adulte).' }),
  /** The day the département received the information. */
  receivedOn: isoDate,
  origin: z.enum(ORIGINS, { message: 'Origine : choisissez-la dans la liste.' }),
  /** The CRIP's (or the cell's) reference. */
  cellReference: text(60, 'Référence de la cellule').default(''),
  /** A delay shorter than the legal one, set by the cell (in days). */
  delayDays: z.number({ message: 'Délai fixé par la cellule : un nombre de jours.' }).int({ message: 'Délai fixé par la cellule : un nombre entier de jours.' }).min(1, { message: 'Délai fixé par la cellule : un jour au moins.' }).max(366, { message: 'Délai fixé par la cellule : 366 jours au plus.' }).nullable().default(null),
  /** The facts reported, as the cell transmitted them. */
  facts: longText(4000, 'Faits transmis').default(''),
  /** The children (or the adult) concerned, persons of the app. */
  concerned: z.array(id).min(1, { message: 'Personnes concernées : choisissez au moins une personne.' }).max(12, { message: 'Personnes concernées : douze au plus.' }),
  /** Every other minor living in the home (an IP covers them all). */
  otherMinors: z.array(id).max(12, { message: 'Autres mineurs du foyer : douze au plus.' }).default([]),
  team: z.array(memberInput).min(2, { message: 'Équipe : l’évaluation se fait à deux professionnels au moins.' }).max(6, { message: 'Équipe : six professionnels au plus.' }),
});

export const parentsInput = z.strictObject({
  id,
  informedOn: isoDate.nullable().default(null),
  informedHow: z.enum(INFORMED_HOW, { message: 'Manière d’informer : courrier, entretien, téléphone ou visite.' }).nullable().default(null),
  /** Why informing them would be contrary to the child's interest (when they were not). */
  notInformedReason: longText(2000, 'Motif de non-information').default(''),
});

export const entryInput = z.strictObject({
  evaluationId: id,
  occurredOn: isoDate,
  type: z.enum(ENTRY_TYPES, { message: 'Type : entretien, visite à domicile, téléphone, contact partenaire, entretien avec l’enfant ou synthèse.' }),
  summary: requiredLong(8000, 'Compte rendu'),
});

const domain = longText(8000, 'Rapport');
/** The report's text by the référentiel's domains (DOMAINS); a domain left out keeps its text. */
const domainsShape = { besoins: domain, sante_developpement: domain, ressources_parentales: domain, environnement: domain, point_de_vue_enfant: domain, point_de_vue_parents: domain } satisfies Record<(typeof DOMAINS)[number], unknown>;

export const reportInput = z.strictObject({
  id,
  domains: z.strictObject(domainsShape).partial(),
  dangerLevel: z.enum(DANGER_LEVELS, { message: 'Évaluation du danger : danger, risque de danger, ou ni l’un ni l’autre.' }).nullable().default(null),
  dangerKinds: z.array(z.enum(DANGER_KINDS, { message: 'Nature du danger : choisissez-la dans la liste.' })).max(DANGER_KINDS.length).default([]),
  proposals: z.array(z.enum(PROPOSALS, { message: 'Proposition : choisissez-la dans la liste.' })).max(PROPOSALS.length).default([]),
  proposalsNote: longText(4000, 'Motivation des propositions').default(''),
});

export const sentInput = z.strictObject({ id, sentOn: isoDate });
export const announceInput = z.strictObject({ id, announcedOn: isoDate, note: longText(2000, 'Entretien avec la famille').default('') });

const personOut = z.object({ id, name: z.string(), birthDate: z.string().nullable(), role: z.enum(PERSON_ROLES), age: z.number().int().nullable() });
const memberOut = z.object({ userId: id.nullable(), name: z.string(), role: z.string() });
const entryOut = z.object({ id, occurredOn: z.string(), type: z.enum(ENTRY_TYPES), summary: z.string(), recordedAt: z.string(), recordedBy: userRef });
const dueOut = z.object({ due: z.string(), daysLeft: z.number().int(), rule: z.string(), article: z.string() });

const summaryOut = z.object({
  id,
  kind: z.enum(KINDS),
  receivedOn: z.string(),
  cellReference: z.string(),
  /** The persons concerned, as its readers may see them. */
  label: z.string(),
  team: z.array(z.string()),
  due: dueOut.nullable(),
  status: z.enum(['en_cours', 'rapport_envoye', 'annonce']),
});
export type EvaluationSummary = z.infer<typeof summaryOut>;

const evaluationOut = summaryOut.extend({
  origin: z.enum(ORIGINS),
  delayDays: z.number().int().nullable(),
  facts: z.string(),
  persons: z.array(personOut),
  members: z.array(memberOut),
  createdAt: z.string(),
  createdBy: userRef,
  informedOn: z.string().nullable(),
  informedHow: z.enum(INFORMED_HOW).nullable(),
  notInformedReason: z.string(),
  journal: z.array(entryOut),
  domains: z.record(z.string(), z.string()),
  dangerLevel: z.enum(DANGER_LEVELS).nullable(),
  dangerKinds: z.array(z.enum(DANGER_KINDS)),
  proposals: z.array(z.enum(PROPOSALS)),
  proposalsNote: z.string(),
  reportAt: z.string().nullable(),
  reportBy: userRef.nullable(),
  sentOn: z.string().nullable(),
  announcedOn: z.string().nullable(),
  announcedBy: userRef.nullable(),
  announceNote: z.string(),
  /** A responsable's decision to include the evaluation in the right-of-access export, if any. */
  exportDecision: z.object({ at: z.string(), by: userRef, reason: z.string() }).nullable(),
  /** What still misses before the report can be sent, in French. */
  missing: z.array(z.string()),
  canAssign: z.boolean(),
});
export type EvaluationOut = z.infer<typeof evaluationOut>;

const receivedOut = z.array(z.object({ year: z.number().int(), kind: z.enum(KINDS), count: z.number().int() }));

export const protectionContract = {
  /** Receives an evaluation from the cell and assigns its team, or corrects that (a responsable). */
  'protection:save': channel({ input: intakeInput, output: evaluationOut, access: RESPONSABLE }),
  /** The evaluations assigned to the caller (a responsable: every one), in progress unless `done`. */
  'protection:list': channel({ input: z.strictObject({ done: z.boolean().default(false) }), output: z.array(summaryOut), access: SOCIAL }),
  /** The whole evaluation (audited read). */
  'protection:get': channel({ input: z.strictObject({ id }), output: evaluationOut, access: SOCIAL }),
  'protection:setParents': channel({ input: parentsInput, output: evaluationOut, access: SOCIAL }),
  /** An interview, a visit, a contact: the evaluation's own journal, never a DSU's. */
  'protection:addEntry': channel({ input: entryInput, output: evaluationOut, access: SOCIAL }),
  'protection:saveReport': channel({ input: reportInput, output: evaluationOut, access: SOCIAL }),
  /** The day the report was sent to the cell. */
  'protection:markSent': channel({ input: sentInput, output: evaluationOut, access: SOCIAL }),
  /** The responsable's interview announcing the proposals to the family. */
  'protection:announce': channel({ input: announceInput, output: evaluationOut, access: RESPONSABLE }),
  /** The evaluation report (PDF, by the référentiel's domains). */
  'protection:report': channel({ input: z.strictObject({ id }), output: fileOut, access: SOCIAL }),
  /** The anonymised statistics sheet of one evaluation (CSV or XLSX). */
  'protection:sheet': channel({ input: z.strictObject({ id, format: z.enum(['csv', 'xlsx']) }), output: fileOut, access: SOCIAL }),
  /** The anonymised sheets of every evaluation received in a period, for the observatoire (ODPE). */
  'protection:sheets': channel({ input: z.strictObject({ from: isoDate, to: isoDate, kind: z.enum(KINDS).nullable().default(null), format: z.enum(['csv', 'xlsx']) }), output: fileOut, access: RESPONSABLE }),
  /** The number of IP and IS the site received in a year, as the responsable records it (the activity report's « all received »). */
  'protection:received': channel({ input: z.strictObject({}), output: receivedOut, access: RESPONSABLE }),
  'protection:setReceived': channel({
    input: z.strictObject({ year: z.number({ message: 'Année : un nombre.' }).int({ message: 'Année : un nombre entier.' }).min(2000, { message: 'Année : 2000 ou après.' }).max(2100, { message: 'Année : 2100 au plus.' }), kind: z.enum(KINDS, { message: 'Nature : IP ou IS.' }), count: z.number({ message: 'Nombre reçu : un nombre.' }).int({ message: 'Nombre reçu : un nombre entier.' }).min(0, { message: 'Nombre reçu : 0 ou plus.' }).max(100_000, { message: 'Nombre reçu : 100 000 au plus.' }) }),
    output: receivedOut,
    access: RESPONSABLE,
  }),
  /** A responsable's decision to include an evaluation in the right-of-access export of the persons it concerns (otherwise it is never there). */
  'protection:includeInExport': channel({ input: z.strictObject({ id, reason: requiredLong(2000, 'Motif de la décision') }), output: evaluationOut, access: RESPONSABLE }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type ProtectionHandlers = HandlersOf<typeof protectionContract>;
