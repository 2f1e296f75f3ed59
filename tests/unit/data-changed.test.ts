/** One cache rule: a call that changed the store tells every open session which module changed; a read — audited or not — and a refusal tell nobody. */
import { describe, expect, it } from 'vitest';
import { newSite } from '../helpers/site';

describe('data:changed', () => {
  it('goes to every open session after a write, names only the module, and never follows a read or a refusal', async () => {
    const s = await newSite();
    const ass = await s.userWith('ass.live', ['ass']);
    const sec = await s.userWith('sec.live', ['secretaire']);
    const heard: { token: string | null; name: string; payload: unknown }[] = [];
    s.app.bus.on('event', (token: string | null, name: string, payload: unknown) => heard.push({ token, name, payload }));

    // Reads: the search is audited (an audit row is written) but changes no data.
    expect((await s.call(sec.token, 'persons:search', { q: 'Dupont' })).ok).toBe(true);
    expect((await s.call(sec.token, 'partners:list', {})).ok).toBe(true);
    expect(heard.filter((h) => h.name === 'data:changed')).toEqual([]);

    // A refused write (missing organisation) changes nothing and says nothing.
    expect((await s.call(ass.token, 'partners:save', { organisation: '' })).ok).toBe(false);
    expect(heard.filter((h) => h.name === 'data:changed')).toEqual([]);

    // A write: one event, to every session (token null), with the module only.
    expect((await s.call(ass.token, 'partners:save', { organisation: 'Mission locale', service: 'Accueil', category: 'Insertion' })).ok).toBe(true);
    expect(heard.filter((h) => h.name === 'data:changed')).toEqual([{ token: null, name: 'data:changed', payload: { module: 'partners' } }]);

    // A write through another module names that module.
    const created = await s.call(sec.token, 'persons:create', { birthName: 'Vidal', firstNames: 'Léa', birthDate: '1991-03-04', household: { address: '5 rue Basse', communeInsee: '82121' } });
    expect(created.ok).toBe(true);
    expect(heard.filter((h) => h.name === 'data:changed').at(-1)?.payload).toEqual({ module: 'persons' });
    s.app.close();
  });
});
