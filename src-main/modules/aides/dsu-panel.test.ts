/** The aids' panel in a DSU says what was requested, what was granted and when it was paid. */
import { beforeAll, describe, expect, it } from 'vitest';
import { aidTeam, household, secours, GRANT, TODAY, type AidTeam } from '../../../tests/helpers/aides';

let team: AidTeam;
beforeAll(async () => {
  team = await aidTeam();
});

describe('aid:forDsu', () => {
  it('gives the granted amount beside the requested one, and the day it was paid', async () => {
    const h = await household(team);
    let a = await team.must(team.ass.token, 'aid:save', secours(h, { amountCents: 15000 }));
    a = await team.must(team.ass.token, 'aid:act', { action: 'submit', id: a.id });
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: a.id });
    await team.must(team.resp.token, 'aid:act', { action: 'grant', id: a.id, ...GRANT, grantedCents: 12000 });
    let row = (await team.must(team.ass.token, 'aid:forDsu', { dsuId: h.dsuId })).find((r) => r.id === a.id)!;
    expect(row).toMatchObject({ status: 'accordee', amountCents: 15000, grantedCents: 12000, paidOn: null });
    await team.must(team.resp.token, 'aid:payment', { id: a.id, mandatedOn: TODAY, paidOn: TODAY });
    row = (await team.must(team.ass.token, 'aid:forDsu', { dsuId: h.dsuId })).find((r) => r.id === a.id)!;
    expect(row.paidOn).toBe(TODAY);
  });
});
