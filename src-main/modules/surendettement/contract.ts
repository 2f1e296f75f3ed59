/**
 * The overindebtedness files' channels (DOMAIN §5). A file lives in a household's DSU: reading
 * it needs the DSU's access (référent, co-intervenant, responsable, exceptional access);
 * writing it, a social worker's role as well. The front desk only learns, through
 * `surendettement:exists`, that a file exists, who follows it and since when.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { FRONT, SOCIAL, WORKERS, fileOut, id, isoDate, userRef } from '../../api/schemas';
import { longText, text } from '../../api/text';
import { budgetSchema, monthlyCents } from '../budget/contract';
import { ASSET_KINDS, DEBT_NATURES, FILE_STATUSES, PROCEEDINGS, STAGE_KINDS } from './kinds';

export { DEBT_NATURES, ORIENTATIONS, STAGE_KINDS } from './kinds';

/** An amount owed or an asset's value, in cents: up to 100 M€, beyond which it is a typo. */
const cents = z
  .number({ message: 'Montant attendu en centimes (nombre entier).' })
  .int({ message: 'Montant attendu en centimes (nombre entier).' })
  .min(0, { message: 'Un montant ne peut pas être négatif.' })
  .max(10_000_000_000, { message: 'Montant invraisemblable : vérifiez la saisie (en centimes).' });

export const debtInput = z.strictObject({
  fileId: id,
  /** Absent: a new debt. Given: a new version of that debt (the previous one is kept). */
  debtId: id.nullable().default(null),
  /** The creditor from the partner directory, or null and its name typed in `creditor`. */
  partnerId: id.nullable().default(null),
  creditor: text(160, 'Créancier').default(''),
  nature: z.enum(DEBT_NATURES, { message: 'Choisissez la nature de la dette dans la liste.' }),
  amountCents: cents,
  monthlyCents,
  debtDate: isoDate.nullable().default(null),
  proceedings: z.enum(PROCEEDINGS, { message: 'Procédure en cours : aucune, contentieux ou exécution forcée.' }).default('aucune'),
  guarantor: text(160, 'Caution').default(''),
  /** A loan on the household's main residence (a plan may then last beyond 84 months, L733-3). */
  mainResidence: z.boolean().default(false),
});

const debtVersion = z.object({
  recordedAt: z.string(),
  recordedBy: userRef,
  partnerId: id.nullable(),
  creditor: z.string(),
  nature: z.enum(DEBT_NATURES),
  amountCents: z.number().int(),
  monthlyCents: z.number().int(),
  debtDate: z.string().nullable(),
  proceedings: z.enum(PROCEEDINGS),
  guarantor: z.string(),
  mainResidence: z.boolean(),
  deleted: z.boolean(),
});
export type DebtVersion = z.infer<typeof debtVersion>;
const debtOut = debtVersion.extend({
  id,
  /** The earlier versions, newest first. */
  history: z.array(debtVersion),
});
export type DebtOut = z.infer<typeof debtOut>;

export const assetInput = z.strictObject({
  kind: z.enum(ASSET_KINDS, { message: 'Nature du bien : immobilier, véhicule, épargne ou autre.' }),
  label: text(160, 'Bien').default(''),
  valueCents: cents,
});

export const budgetInput = z.strictObject({
  fileId: id,
  /** The day the budget describes (not in the future). */
  validOn: isoDate,
  /** The DSU situation's date it was taken from, when it was. */
  takenFrom: isoDate.nullable().default(null),
  adults: z.union([z.literal(1), z.literal(2)], { message: 'Adultes du foyer : 1 ou 2.' }),
  dependants: z.number({ message: 'Personnes à charge : un nombre entier.' }).int({ message: 'Personnes à charge : un nombre entier.' }).min(0, { message: 'Personnes à charge : 0 ou plus.' }).max(20, { message: 'Personnes à charge : 20 au plus.' }),
  budget: budgetSchema,
  assets: z.array(assetInput).max(30, { message: 'Trente biens au plus.' }).default([]),
});

const planInput = z.strictObject({
  start: isoDate,
  months: z.number({ message: 'Durée du plan : un nombre de mois.' }).int({ message: 'Durée du plan : un nombre entier de mois.' }).min(1, { message: 'Durée du plan : un mois au moins.' }).max(360, { message: 'Durée du plan : 360 mois au plus.' }),
  monthlyCents,
  /** Loans on the main residence: the plan may then exceed the legal maximum (L733-3). */
  mainResidenceLoans: z.boolean().default(false),
  /** Each creditor's monthly share, per debt of the file; their total is the monthly payment. */
  shares: z.array(z.strictObject({ debtId: id, cents: monthlyCents })).max(100).default([]),
});

export const stageInput = z.strictObject({
  fileId: id,
  kind: z.enum(STAGE_KINDS, { message: 'Choisissez l’étape de la procédure dans la liste.' }),
  /** The day of the stage (deposit, decision, hearing…). */
  day: isoDate,
  notifiedOn: isoDate.nullable().default(null),
  /** recevabilité: recevable / irrecevable; orientation: one of ORIENTATIONS; clôture: its reason. */
  decision: text(200, 'Décision').default(''),
  reference: text(120, 'Référence du document').default(''),
  note: longText(2000, 'Note').default(''),
  plan: planInput.nullable().default(null),
});

const stageOut = z.object({
  id,
  cycle: z.number().int(),
  kind: z.enum(STAGE_KINDS),
  day: z.string(),
  notifiedOn: z.string().nullable(),
  decision: z.string(),
  reference: z.string(),
  note: z.string(),
  plan: z.object({ start: z.string(), months: z.number().int(), monthlyCents: z.number().int(), mainResidenceLoans: z.boolean(), shares: z.array(z.object({ debtId: id, cents: z.number().int() })) }).nullable(),
  recordedAt: z.string(),
  recordedBy: userRef,
});
export type StageOut = z.infer<typeof stageOut>;

const deadlineOut = z.object({ kind: z.string(), due: z.string(), label: z.string(), rule: z.string(), article: z.string(), from: z.object({ kind: z.enum(STAGE_KINDS), date: z.string() }) });
export type DeadlineOut = z.infer<typeof deadlineOut>;

const capacityOut = z.object({
  day: z.string(),
  resourcesCents: z.number().int(),
  quotiteMonthlyCents: z.number().int(),
  rsaCents: z.number().int(),
  everydayCents: z.number().int(),
  remainderCents: z.number().int(),
  capacityCents: z.number().int(),
  limitedBy: z.string(),
  /** Every step of the computation, in French, with its figures. */
  explanation: z.array(z.string()),
  /** The legal parameters used, with their source. */
  parameters: z.array(z.object({ label: z.string(), from: z.string(), source: z.string() })),
  warnings: z.array(z.string()),
});
export type CapacityOut = z.infer<typeof capacityOut>;

const summaryOut = z.object({
  id,
  dsu: z.object({ id, number: z.string() }),
  household: z.string(),
  referent: userRef,
  status: z.enum(FILE_STATUSES),
  openedOn: z.string(),
  /** The latest stage recorded, if any. */
  stage: z.enum(STAGE_KINDS).nullable(),
  /** The first deadline not yet past (else the latest past one). */
  nextDeadline: deadlineOut.nullable(),
});
export type FileSummary = z.infer<typeof summaryOut>;

const budgetOut = z.object({
  id,
  validOn: z.string(),
  takenFrom: z.string().nullable(),
  adults: z.number().int(),
  dependants: z.number().int(),
  budget: budgetSchema,
  assets: z.array(z.object({ kind: z.enum(ASSET_KINDS), label: z.string(), valueCents: z.number().int() })),
  recordedAt: z.string(),
  recordedBy: userRef,
});

const fileOutShape = summaryOut.extend({
  debts: z.array(debtOut),
  /** Deleted debts, their last version marked deleted, the earlier ones kept. */
  removedDebts: z.array(debtOut),
  totals: z.object({
    byNature: z.array(z.object({ nature: z.enum(DEBT_NATURES), count: z.number().int(), amountCents: z.number().int(), monthlyCents: z.number().int() })),
    amountCents: z.number().int(),
    monthlyCents: z.number().int(),
  }),
  budget: budgetOut.nullable(),
  capacity: capacityOut.nullable(),
  /** Why the capacity could not be computed, in French (no budget yet, a parameter missing…). */
  capacityError: z.string().nullable(),
  stages: z.array(stageOut),
  cycle: z.number().int(),
  deadlines: z.array(deadlineOut),
  warnings: z.array(z.string()),
  /** Whether the caller may record anything on the file. */
  canWrite: z.boolean(),
  partners: z.array(z.object({ id, name: z.string() })),
});
export type FileOut = z.infer<typeof fileOutShape>;

export const surendettementContract = {
  'surendettement:open': channel({ input: z.strictObject({ dsuId: id, referentId: id.nullable().default(null) }), output: fileOutShape, access: WORKERS }),
  /** The whole file (audited read). */
  'surendettement:get': channel({ input: z.strictObject({ id }), output: fileOutShape, access: SOCIAL }),
  /** The files of a household's DSU (its tab « Surendettement »). */
  'surendettement:forDsu': channel({ input: z.strictObject({ dsuId: id }), output: z.array(summaryOut), access: SOCIAL }),
  /** The files the caller follows (a responsable: every file of the site), open ones unless `closed`. */
  'surendettement:list': channel({ input: z.strictObject({ closed: z.boolean().default(false) }), output: z.array(summaryOut), access: SOCIAL }),
  /** What the front desk may know: that a file exists on the DSU, who follows it, since when. */
  'surendettement:exists': channel({
    input: z.strictObject({ dsuId: id }),
    output: z.array(z.object({ followedBy: z.string(), openedOn: z.string() })),
    access: FRONT,
  }),
  'surendettement:saveDebt': channel({ input: debtInput, output: fileOutShape, access: WORKERS }),
  'surendettement:removeDebt': channel({ input: z.strictObject({ fileId: id, debtId: id }), output: fileOutShape, access: WORKERS }),
  'surendettement:saveBudget': channel({ input: budgetInput, output: fileOutShape, access: WORKERS }),
  'surendettement:addStage': channel({ input: stageInput, output: fileOutShape, access: WORKERS }),
  /** The summary for the Banque de France deposit (PDF) or the debts list (XLSX). */
  'surendettement:document': channel({ input: z.strictObject({ id, format: z.enum(['pdf', 'xlsx']) }), output: fileOut, access: SOCIAL }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type SurendettementHandlers = HandlersOf<typeof surendettementContract>;
