/**
 * Persons and households (DOMAIN §2): search, duplicates, the front desk's card, merges.
 * The card names what the secretaire may know (identity, contact, household, appointments,
 * the DSU's number and référent) and nothing else: the dispatcher strips the rest.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { FRONT, SOCIAL, fileOut, id, isoDate, postcodeSchema, userRef } from '../../api/schemas';
import { DSU_STATUSES, HOUSEHOLD_ROLES } from '../../api/kinds-accueil';
import { oneLine, text, required } from '../../api/text';
import { appointmentOut } from '../rdv/contract';
import { MATCH_KINDS } from './rules';

export const personFields = {
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

export const personHit = z.object({
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

/** A search result and why it was found (the strongest match of what was typed; `word`: the record's word). */
export const searchHit = personHit.extend({ reason: z.object({ kind: z.enum(MATCH_KINDS), word: z.string() }) });
export type SearchHit = z.infer<typeof searchHit>;

export const memberOut = z.object({
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

export const householdOut = z.object({
  id,
  /** Number and street (La Poste's line 4). */
  address: z.string(),
  /** Building, flat, lieu-dit, boîte postale (lines 2, 3 or 5), one line. */
  addressComplement: z.string(),
  /** Five digits, or '' when not known. */
  postcode: z.string(),
  communeInsee: z.string().nullable(),
  communeName: z.string().nullable(),
  members: z.array(memberOut),
});

export const dsuRef = z.object({ id, number: z.string(), status: z.enum(DSU_STATUSES), referent: userRef });

/** Everything the front desk may know of a person (DOMAIN §1, secretaire). */
export const personCard = z.object({
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
    address: text(200, 'Numéro et voie').default(''),
    addressComplement: text(200, 'Complément d’adresse').default(''),
    postcode: postcodeSchema.default(''),
    communeInsee: z.string().trim().regex(/^(\d{5}|2[AB]\d{3})$/, { message: 'Commune : code INSEE à 5 caractères.' }).nullable(),
    role: z.enum(HOUSEHOLD_ROLES).default('demandeur'),
  }),
]);

const duplicateOut = personHit.extend({ reasons: z.array(z.enum(['same_phone', 'same_birth_date_close_name', 'same_name'])) });

export const personsContract = {
  'persons:search': channel({
    input: z.strictObject({ q: oneLine(z.string().max(120), 'Recherche'), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.object({ results: z.array(searchHit), truncated: z.boolean() }),
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
      address: text(200, 'Numéro et voie'),
      /** Left as it is when absent (as the postcode). */
      addressComplement: text(200, 'Complément d’adresse').optional(),
      /** Left as it is when absent. */
      postcode: postcodeSchema.optional(),
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

  /** Persons who never had a DSU (*ponctuels*) and whose last contact is older than the retention (DOMAIN §3). */
  'persons:retention': channel({
    input: z.strictObject({}),
    output: z.object({
      limitDate: z.string(),
      source: z.string(),
      rows: z.array(z.object({ id, name: z.string(), createdOn: z.string(), lastContactOn: z.string() })),
    }),
    access: ['responsable'],
  }),
  /** A person's right of access: everything every module holds about them (PDF for the person, JSON for a transfer). */
  'persons:export': channel({
    input: z.strictObject({ id, format: z.enum(['pdf', 'json']) }),
    output: fileOut,
    access: SOCIAL,
  }),
  /** Deletes them for good, with their first contacts and appointments; all or nothing. */
  'persons:purge': channel({
    input: z.strictObject({ ids: z.array(id).min(1, { message: 'Choisissez au moins une personne.' }).max(500) }),
    output: z.object({ purged: z.number().int() }),
    access: ['responsable'],
  }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type PersonsHandlers = HandlersOf<typeof personsContract>;
