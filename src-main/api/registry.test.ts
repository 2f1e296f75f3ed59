/** The core's channel table, built from the registry: mistakes are found at start-up. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelTable, defineModule } from './app';
import { channel } from './spec';
import { registry } from '../modules';

const spec = channel({ input: z.object({}), output: z.object({}), access: 'authenticated' });
const mod = (name: string, channels: string[], handlers: string[] = channels) =>
  defineModule({ name, contract: Object.fromEntries(channels.map((c) => [c, spec])), handlers: Object.fromEntries(handlers.map((h) => [h, () => ({})])) });

describe('registry', () => {
  it('refuses a channel declared by two modules, a channel without its handler, a handler outside the contract', () => {
    expect(() => channelTable([mod('a', ['x:one']), mod('b', ['x:one'])])).toThrow('Channel x:one declared by both a and b');
    expect(() => channelTable([mod('a', ['x:one', 'x:two'], ['x:one'])])).toThrow('Channel x:two of a has no handler');
    expect(() => channelTable([mod('a', ['x:one'], ['x:one', 'x:three'])])).toThrow('Handler x:three of a is not in its contract');
  });

  it('gathers every module of the real registry, each channel once, with the module that owns it', () => {
    const table = channelTable(registry);
    const names = registry.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const m of registry) for (const c of Object.keys(m.contract)) expect(table.get(c)?.module).toBe(m.name);
    expect(table.size).toBe(registry.reduce((n, m) => n + Object.keys(m.contract).length, 0));
  });
});
