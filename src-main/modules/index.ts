/**
 * The registry: every module, in one explicit ordered list (like the migrations' list; no
 * folder scan, no event bus). Each entry declares its contract and handlers and what the
 * shared screens and operations take from it (person references moved on a merge, audit
 * labels, its part of a DSU's last contact and of a person's export, its tasks, its
 * statistics). The core receives the list (`new AppCore(dir, MODULES)`) and the hubs read it
 * from `ctx.app.modules`; api/ never imports a module.
 *
 * A new module: its folder (contract.ts, handlers.ts, repo.ts, module.ts, index.ts), one line
 * below, one migration, its i18n keys and its line in the renderer's registry.
 */
import type { z } from 'zod';
import type { Registry } from '../api/app';
import { accountModule } from './account/module';
import { adminModule } from './admin/module';
import { aidesModule } from './aides/module';
import { concertationModule } from './concertation/module';
import { collectifModule } from './collectif/module';
import { dsuModule } from './dsu/module';
import { expulsionsModule } from './expulsions/module';
import { intakeModule } from './intake/module';
import { parametresModule } from './parametres/module';
import { partnersModule } from './partners/module';
import { personsModule } from './persons/module';
import { rdvModule } from './rdv/module';
import { statsModule } from './stats/module';
import { surendettementModule } from './surendettement/module';
import { protectionModule } from './protection/module';
import { tasksModule } from './tasks/module';
import { teamModule } from './team/module';

export const MODULES = [accountModule, adminModule, personsModule, intakeModule, rdvModule, partnersModule, dsuModule, aidesModule, parametresModule, surendettementModule, expulsionsModule, concertationModule, collectifModule, protectionModule, tasksModule, statsModule, teamModule] as const;

/** The registry as the core takes it. */
export const registry: Registry = MODULES;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The whole contract, as the renderer and the command line see it (types), gathered from the modules. */
export type Contract = UnionToIntersection<(typeof MODULES)[number]['contract']>;
export const contract = Object.fromEntries(MODULES.flatMap((m) => Object.entries(m.contract))) as unknown as Contract;
export type Channel = keyof Contract & string;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as Channel[];

export type { ApiError, EventName, Result } from '../api/spec';
export { EVENTS } from '../api/spec';
export type { SessionInfo } from './account/contract';
export type { AidAction, AidOptions, AidOut, AidStatus, AidSummary, EvaluationOut } from './aides/contract';
export type { AmountByType, Dispositif, PartsTable, Reglement } from './aides/reglement';
export type { ConsentOut, DsuOut, DsuRow, JournalEntryOut } from './dsu/contract';
export type { IntakeOptions } from './intake/contract';
export type { PartnerOut } from './partners/contract';
export type { PersonCard, PersonHit, SearchHit } from './persons/contract';
export type { AppointmentOut } from './rdv/contract';
export type { TaskOut } from './tasks/contract';
export type { TeamStatus, TeamWorkstation } from './team/contract';
