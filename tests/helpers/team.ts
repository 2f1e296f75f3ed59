/**
 * A site with its team: a secretaire, two ASS, a CESF, a responsable; the Montauban sector
 * with ASS 1 and the CESF as référents; two partners. Used by the tests of the front desk
 * and the DSU.
 */

import { expect } from 'vitest';
import { newSite } from './site';
import { hashDir } from './tmp';

/** `clock`: the site's clock from the start (sessions included), for tests that move time. */
export async function newTeam(clock?: () => Date) {
  const site = await newSite(undefined, clock);
  const sec = await site.userWith('sec', ['secretaire'], 'Sophie Secrétaire');
  const ass = await site.userWith('ass1', ['ass'], 'Alice Assistante');
  const ass2 = await site.userWith('ass2', ['ass'], 'Bruno Volant');
  const cesf = await site.userWith('cesf', ['cesf'], 'Claire Conseillère');
  const resp = await site.userWith('resp', ['responsable'], 'Rémi Responsable');
  await site.must(site.adminToken, 'admin:saveSector', { name: 'Montauban Est', referentAssId: ass.id, referentCesfId: cesf.id, communes: ['82121'] });
  const caf = await site.must(sec.token, 'partners:save', { organisation: 'CAF de Tarn-et-Garonne', service: 'Accueil', category: 'Organisme de sécurité sociale' });
  const bailleur = await site.must(sec.token, 'partners:save', { organisation: 'Tarn-et-Garonne Habitat', service: 'Gestion locative', category: 'Bailleur social' });
  const members = { sec: [sec, 'secretaire'], ass: [ass, 'ass'], ass2: [ass2, 'ass'], cesf: [cesf, 'cesf'], resp: [resp, 'responsable'] } as const;
  /** New sessions for everyone, after a test moved the clock past the idle lock. */
  const refresh = () => {
    for (const [login, [u, role]] of Object.entries(members)) {
      u.token = site.app.sessions.create({ userId: u.id, login, roles: [role], mustChangePassword: false }).token;
    }
  };
  return { ...site, sec, ass, ass2, cesf, resp, refresh, partners: { caf: caf.id, bailleur: bailleur.id } };
}

export type Team = Awaited<ReturnType<typeof newTeam>>;

/** Registers a demandeur with a new household in Montauban; returns the person card. */
export async function register(team: Team, p: { birthName: string; firstNames: string; birthDate?: string; phone?: string; usageName?: string; sex?: '' | 'F' | 'M' }) {
  return await team.must(team.sec.token, 'persons:create', {
    birthName: p.birthName,
    sex: p.sex ?? '',
    firstNames: p.firstNames,
    usageName: p.usageName ?? '',
    birthDate: p.birthDate ?? null,
    phone: p.phone ?? '',
    household: { address: '12 rue de la République', communeInsee: '82121', role: 'demandeur' },
  });
}

/** A call that must be refused with nothing written (the data folder hashed before and after); its error. */
export async function refusedUnchanged(team: Team, token: string, c: Parameters<Team['call']>[1], input: unknown) {
  const before = hashDir(team.dir);
  const r = await team.call(token, c, input as never);
  expect(hashDir(team.dir)).toEqual(before);
  if (r.ok) throw new Error(`${c} was accepted`);
  return r.error;
}
