/**
 * The Dossier Social Unique (DOMAIN §3): list, opening, reading (with the exceptional access
 * and its reason), journal, intervenants, documents, consents, closing, retention, export.
 * Social content lives only here: the secretaire can call none of these channels.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { SOCIAL, fileOut, id, isoDate, readBackShape, userRef } from '../../api/schemas';
import { CLOSE_REASONS, CONSENT_FORMS, DOCUMENT_KINDS, DSU_STATUSES, FIELDS, JOURNAL_TYPES } from '../../api/kinds-accueil';
import { longText, multiLine, required, requiredLong, text } from '../../api/text';
import { dsuRef, householdOut } from '../persons/contract';
import { budgetSchema, monthlyCents } from '../budget/contract';
import { ACTIVITIES, BENEFIT_ORGANISMS, HEALTH_COVERS, HOUSING_STATUSES, INSERTION_CONTRACTS, MEASURES, SITUATION_SECTIONS } from './kinds';

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
  /**
   * null only for an entry made from an honoured appointment before the field was asked when
   * marking it (an honoured appointment now carries the field chosen then).
   */
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
  /** Shown to the référent and the responsables (DOMAIN §1). Empty for others. */
  exceptionalAccesses: z.array(z.object({ id, user: userRef, reason: z.string(), at: z.string() })),
  /** How the reader holds the file: référent, co-intervenant, responsable or exceptional access. */
  access: z.enum(['referent', 'intervenant', 'responsable', 'exceptionnel']),
  canWrite: z.boolean(),
});
export type DsuOut = z.infer<typeof dsuOut>;

// The household's situation (DOMAIN §3): a dated record, each save a new version. ------------

const housingShape = {
  status: z.enum(HOUSING_STATUSES).nullable().default(null),
  landlord: text(160, 'Bailleur ou hébergeant').default(''),
  /** Monthly rent with charges, in cents (null: not known or not applicable). */
  rentCents: monthlyCents.nullable().default(null),
  /** Rent arrears (dette locative) on the date of the situation, in cents. */
  arrearsCents: monthlyCents.nullable().default(null),
  note: longText(1000, 'Logement : précisions').default(''),
};
const memberShape = {
  /** A member of the DSU's household (checked by the handler). */
  personId: id,
  activity: z.enum(ACTIVITIES).nullable().default(null),
  /** Registered with France Travail. */
  franceTravail: z.boolean().default(false),
  /** Beneficiary of the RSA. */
  rsa: z.boolean().default(false),
  contract: z.enum(INSERTION_CONTRACTS).default('aucun'),
  /** End of the CER or PPAE in force. */
  contractUntil: isoDate.nullable().default(null),
  healthCover: z.enum(HEALTH_COVERS).nullable().default(null),
};
const allocataireShape = {
  organism: z.enum(BENEFIT_ORGANISMS).nullable().default(null),
  number: text(20, 'Numéro d’allocataire')
    .refine((v) => /^[0-9A-Za-z]*$/.test(v), { message: 'Numéro d’allocataire : des chiffres et des lettres seulement, sans espace.' })
    .default(''),
};
const measureShape = {
  kind: z.enum(MEASURES),
  /** The member it concerns; null: the whole household. */
  personId: id.nullable().default(null),
  since: isoDate.nullable().default(null),
  /** Who exercises it (service, association, mandataire). */
  holder: text(160, 'Mesure exercée par').default(''),
};
const referentParcoursShape = {
  /** A professional of the MDS (a user of the site), or… */
  userId: id.nullable().default(null),
  /** …a partner of the directory, with the person's name, or neither (name and organisation typed). */
  partnerId: id.nullable().default(null),
  name: text(160, 'Référent de parcours : nom').default(''),
  organisation: text(200, 'Référent de parcours : structure').default(''),
  contact: text(160, 'Référent de parcours : téléphone ou courriel').default(''),
};

export const situationInput = z
  .strictObject({
    /** The date the situation describes (not in the future, not before the last version's). */
    validOn: isoDate,
    housing: z.strictObject(housingShape).default({ status: null, landlord: '', rentCents: null, arrearsCents: null, note: '' }),
    budget: budgetSchema.default({ resources: [], charges: [] }),
    members: z
      .array(
        z.strictObject(memberShape).refine((m) => m.contract !== 'cer' || m.rsa, {
          message: 'Un CER se signe dans le cadre du RSA : cochez « bénéficiaire du RSA » ou choisissez un autre contrat.',
          path: ['contract'],
        }).refine((m) => m.contract !== 'ppae' || m.franceTravail, {
          message: 'Un PPAE se signe avec France Travail : cochez « inscrit à France Travail » ou choisissez un autre contrat.',
          path: ['contract'],
        }).refine((m) => m.contractUntil === null || m.contract !== 'aucun', {
          message: 'Fin du contrat : choisissez d’abord le contrat (CER ou PPAE), ou effacez la date.',
          path: ['contractUntil'],
        }),
      )
      .max(20)
      .default([])
      .refine((ms) => new Set(ms.map((m) => m.personId)).size === ms.length, { message: 'Chaque membre du foyer ne figure qu’une fois dans la situation.' }),
    allocataire: z
      .strictObject(allocataireShape)
      .refine((a) => a.number === '' || a.organism !== null, { message: 'Numéro d’allocataire : indiquez s’il s’agit de la CAF ou de la MSA.', path: ['organism'] })
      .default({ organism: null, number: '' }),
    measures: z.array(z.strictObject(measureShape)).max(20).default([]),
    referentParcours: z
      .strictObject(referentParcoursShape)
      .refine((r) => !(r.userId !== null && r.partnerId !== null), { message: 'Référent de parcours : un professionnel de la MDS ou d’un partenaire, pas les deux.', path: ['partnerId'] })
      .refine((r) => r.userId !== null || r.name !== '', { message: 'Référent de parcours : indiquez son nom.', path: ['name'] })
      .nullable()
      .default(null),
    note: longText(4000, 'Synthèse de la situation').default(''),
  });
export type SituationInput = z.output<typeof situationInput>;

const situationContentOut = z.object({
  validOn: z.string(),
  housing: z.object(readBackShape(housingShape)),
  budget: budgetSchema,
  members: z.array(z.object(readBackShape(memberShape))),
  allocataire: z.object(readBackShape(allocataireShape)),
  measures: z.array(z.object(readBackShape(measureShape))),
  referentParcours: z.object(readBackShape(referentParcoursShape)).nullable(),
  note: z.string(),
});
export type SituationContent = z.infer<typeof situationContentOut>;

const situationVersionMeta = z.object({
  id,
  validOn: z.string(),
  recordedAt: z.string(),
  recordedBy: userRef,
  /** The sections that differ from the version before (all of them for the first). */
  changed: z.array(z.enum(SITUATION_SECTIONS)),
});
const situationVersionOut = situationVersionMeta.extend({ content: situationContentOut });
export type SituationVersionOut = z.infer<typeof situationVersionOut>;
const situationOut = z.object({
  /** The version asked for (the latest by default); null while none was recorded. */
  version: situationVersionOut.nullable(),
  latestId: id.nullable(),
  /** Every version, newest first. */
  history: z.array(situationVersionMeta),
});
export type SituationOut = z.infer<typeof situationOut>;

const reasonText = multiLine(
  z.string().trim().min(10, { message: 'Motif : expliquez en une phrase au moins (10 caractères) pourquoi vous ouvrez ce dossier.' }).max(500),
  'Motif',
);

export const dsuContract = {
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
  /** The household's situation: a version (the latest unless `versionId`) and the list of all. */
  'dsu:situation': channel({ input: z.strictObject({ dsuId: id, versionId: id.nullable().default(null) }), output: situationOut, access: SOCIAL }),
  /** Records a new version of the situation; `basedOn` is the version the form started from (null for the first). */
  'dsu:saveSituation': channel({ input: z.strictObject({ dsuId: id, basedOn: id.nullable(), situation: situationInput }), output: situationOut, access: SOCIAL }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type DsuHandlers = HandlersOf<typeof dsuContract>;
