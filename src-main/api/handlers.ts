/** The handler table: one entry per contract channel, gathered from the modules. */
import { authHandlers } from '../auth/handlers';
import { adminHandlers } from '../modules/admin/handlers';
import { aidesHandlers } from '../modules/aides/handlers';
import { dsuHandlers } from '../modules/dsu/handlers';
import { intakeHandlers } from '../modules/intake/handlers';
import { partnersHandlers } from '../modules/partners/handlers';
import { personsHandlers } from '../modules/persons/handlers';
import { rdvHandlers } from '../modules/rdv/handlers';
import type { HandlerTable } from './dispatch';

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
