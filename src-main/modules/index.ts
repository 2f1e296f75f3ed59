/**
 * The modules' registry: the handler table, one entry per contract channel, gathered from
 * the modules in one explicit list (no folder scan). The core receives it
 * (`new AppCore(dir, handlers)`); api/ never imports a module.
 */
import { authHandlers } from './account/handlers';
import { adminHandlers } from './admin/handlers';
import { aidesHandlers } from './aides/handlers';
import { dsuHandlers } from './dsu/handlers';
import { intakeHandlers } from './intake/handlers';
import { partnersHandlers } from './partners/handlers';
import { personsHandlers } from './persons/handlers';
import { rdvHandlers } from './rdv/handlers';
import type { HandlerTable } from '../api/app';

export const handlers: HandlerTable = {
  ...authHandlers,
  ...adminHandlers,
  ...personsHandlers,
  ...intakeHandlers,
  ...rdvHandlers,
  ...partnersHandlers,
  ...dsuHandlers,
  ...aidesHandlers,
};
