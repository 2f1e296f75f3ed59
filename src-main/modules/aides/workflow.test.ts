/**
 * Every workflow action × every status × every role, through the API (DOMAIN §4.4, §1).
 * The table below is the specification; each cell drives a fresh request to the status and
 * checks the answer code — and that a refused call changed nothing in the request.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AidOut } from '../../modules';
import { aidTeam, reach, GRANT, TODAY, type AidTeam, type Status } from '../../../tests/helpers/aides';

const STATUSES: Status[] = ['brouillon', 'soumise', 'a_valider', 'en_commission', 'accordee', 'refusee', 'ajournee', 'classee_sans_suite'];
const PAYLOAD = {
  submit: {},
  recall: {},
  take: {},
  grant: GRANT,
  refuse: { reasons: 'Motif de refus' },
  adjourn: { missingDocuments: 'Justificatif de ressources' },
  toCommission: { favorable: false, opinion: 'Avis défavorable motivé' },
  classify: { reason: 'Sans nouvelles' },
  appeal: { appealOn: TODAY, reason: 'Situation aggravée' },
} as const;
type Action = keyof typeof PAYLOAD;
type Actor = 'secretaire' | 'auteur' | 'autreAss' | 'cesf' | 'responsable' | 'admin';

/** Who may do what, from which status: the specification of DOMAIN §4.4. */
const SPEC: Record<Action, { from: Status[]; by: Actor[] }> = {
  submit: { from: ['brouillon', 'ajournee'], by: ['auteur'] },
  recall: { from: ['soumise'], by: ['auteur'] },
  take: { from: ['soumise'], by: ['responsable'] },
  grant: { from: ['a_valider'], by: ['responsable'] },
  refuse: { from: ['a_valider'], by: ['responsable'] },
  adjourn: { from: ['a_valider'], by: ['responsable'] },
  toCommission: { from: ['a_valider'], by: ['responsable'] },
  classify: { from: ['brouillon', 'soumise', 'a_valider', 'ajournee', 'en_commission'], by: ['auteur', 'responsable'] },
  appeal: { from: ['refusee', 'accordee'], by: ['auteur', 'responsable'] },
};

let team: AidTeam;
beforeAll(async () => {
  team = await aidTeam();
});

function tokenOf(a: Actor): string {
  return { secretaire: team.sec.token, auteur: team.ass.token, autreAss: team.ass2.token, cesf: team.cesf.token, responsable: team.resp.token, admin: team.adminToken }[a];
}

/** The code the API must answer: ok, or why not. */
function expected(action: Action, status: Status, actor: Actor): string {
  if (actor === 'secretaire' || actor === 'admin') return 'forbidden'; // the channel itself
  if (actor === 'autreAss' || actor === 'cesf') return 'exceptional_access_required'; // not their file
  const spec = SPEC[action];
  if (!spec.by.includes(actor)) return 'forbidden';
  return spec.from.includes(status) ? 'ok' : 'conflict';
}

const strip = (a: AidOut) => ({ status: a.status, decisions: a.decisions.length, events: a.events.length, grantedCents: a.grantedCents, commission: a.commission, appealOn: a.appealOn });

describe('aid workflow: every action × status × role', () => {
  for (const status of STATUSES) {
    for (const action of Object.keys(PAYLOAD) as Action[]) {
      it(`${action} depuis « ${status} »`, async () => {
        for (const actor of ['secretaire', 'auteur', 'autreAss', 'cesf', 'responsable', 'admin'] as Actor[]) {
          const a = await reach(team, status);
          const r = await team.call(tokenOf(actor), 'aid:act', { action, id: a.id, ...PAYLOAD[action] } as never);
          const code = r.ok ? 'ok' : r.error.code;
          expect(`${actor} → ${code}`).toBe(`${actor} → ${expected(action, status, actor)}`);
          const after = await team.must(team.resp.token, 'aid:get', { id: a.id });
          if (!r.ok) {
            expect(strip(after)).toEqual(strip(a));
            expect(r.error.message).toMatch(/[a-zé]/);
          } else {
            expect(after.events.length).toBe(a.events.length + 1);
          }
        }
      });
    }
  }
});

describe('nobody validates their own request', () => {
  it('an ASS who is also responsable cannot take, grant, refuse, adjourn or send her own request; another responsable can', async () => {
    const own = await reach(team, 'soumise', team.mixte);
    const r = await team.call(team.mixte.token, 'aid:act', { action: 'take', id: own.id });
    expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
    if (!r.ok) expect(r.error.message).toMatch(/personne ne valide sa propre demande/);
    const taken = await team.must(team.resp2.token, 'aid:act', { action: 'take', id: own.id });
    expect(taken.status).toBe('a_valider');
    for (const [action, payload] of Object.entries({ grant: GRANT, refuse: PAYLOAD.refuse, adjourn: PAYLOAD.adjourn, toCommission: PAYLOAD.toCommission })) {
      const x = await team.call(team.mixte.token, 'aid:act', { action, id: own.id, ...payload } as never);
      expect(x.ok ? 'ok' : x.error.code).toBe('forbidden');
    }
    expect((await team.must(team.resp2.token, 'aid:act', { action: 'grant', id: own.id, ...GRANT })).status).toBe('accordee');
  });

  it('she validates a colleague’s request, and the screen is told what each may do', async () => {
    const other = await reach(team, 'soumise');
    const seenByMixte = await team.must(team.mixte.token, 'aid:get', { id: other.id });
    expect(seenByMixte.can).toContain('take');
    const own = await reach(team, 'soumise', team.mixte);
    const ownSeen = await team.must(team.mixte.token, 'aid:get', { id: own.id });
    expect(ownSeen.can).not.toContain('take');
    expect(ownSeen.can).toContain('recall');
  });

  it('the commission’s decision cannot be recorded by the request’s author either', async () => {
    const own = await reach(team, 'soumise', team.mixte);
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: own.id });
    await team.must(team.resp.token, 'aid:act', { action: 'toCommission', id: own.id, favorable: true, opinion: 'Favorable' });
    const s = await team.must(team.resp.token, 'commission:save', { heldOn: TODAY, members: ['Élue', 'Rémi Responsable'] });
    await team.must(team.resp.token, 'commission:assign', { id: s.id, add: [own.id] });
    const r = await team.call(team.mixte.token, 'commission:decide', { id: s.id, requestId: own.id, decision: 'refusee', reasons: 'Non' });
    expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
    const ok = await team.must(team.resp.token, 'commission:decide', { id: s.id, requestId: own.id, decision: 'refusee', reasons: 'Hors barème' });
    expect(ok.status).toBe('refusee');
  });
});
