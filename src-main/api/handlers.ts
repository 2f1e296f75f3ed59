/** The handler table: one entry per contract channel, gathered from the modules. */
import { authHandlers } from '../auth/handlers';
import { adminHandlers } from '../modules/admin/handlers';
import type { HandlerTable } from './dispatch';

export const handlers: HandlerTable = {
  ...authHandlers,
  ...adminHandlers,
};
