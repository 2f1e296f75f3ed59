/** Channel `stats:period`: every module's figures for the period, in the registry's order. */
import type { StatsHandlers } from './contract';

export const statsHandlers = {
  'stats:period': (ctx, input) => ({
    from: input.from,
    to: input.to,
    modules: ctx.app.modules.flatMap((m) => (m.statistics ? [{ module: m.name, figures: m.statistics(ctx.app.vault.db, input.from, input.to) }] : [])),
  }),
} satisfies StatsHandlers;
