/**
 * The responsable's validation queue names, on each line, the person as the desk does, the
 * file's référent, the instructor who submitted the request and the responsable who took it,
 * each read from the accounts (a référent changed since is the file's current one).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { aidTeam, reach, type AidTeam } from '../../../tests/helpers/aides';

let team: AidTeam;
beforeAll(async () => {
  team = await aidTeam();
});

describe('aid:queue', () => {
  it('names the person, the référent, the instructor and who took the request', async () => {
    const taken = await reach(team, 'a_valider', team.cesf);
    // The file passes to another référent after the request was submitted by the CESF.
    await team.must(team.resp.token, 'dsu:setReferent', { dsuId: taken.dsu.id, referentId: team.ass2.id });
    const waiting = await reach(team, 'soumise', team.ass);
    const queue = await team.must(team.resp.token, 'aid:queue', {});
    const line = (id: number) => queue.find((q) => q.id === id);
    expect(line(taken.id)).toMatchObject({ referent: 'Bruno Volant', instructor: 'Claire Conseillère', takenBy: 'Rémi Responsable', status: 'a_valider' });
    expect(line(taken.id)!.person).toMatch(/^AIDE\d+ Prénom\d+$/);
    expect(line(waiting.id)).toMatchObject({ referent: 'Alice Assistante', instructor: 'Alice Assistante', takenBy: null, status: 'soumise' });
    expect(queue.every((q) => q.status === 'soumise' || q.status === 'a_valider')).toBe(true);
  });

  it('puts the urgent requests first, then the oldest submitted', async () => {
    const urgent = await reach(team, 'soumise', team.ass, { urgent: true });
    const queue = await team.must(team.resp.token, 'aid:queue', {});
    expect(queue[0]!.id).toBe(urgent.id);
    const key = (q: (typeof queue)[number]) => `${q.urgent ? 0 : 1} ${q.submittedAt} ${String(q.id).padStart(9, '0')}`;
    expect(queue.map(key)).toEqual(queue.map(key).sort());
    expect(queue.length).toBeGreaterThanOrEqual(3);
  });
});
