/**
 * A team on a fixed clock (Monday 23 November 2026, 10:00) with households that have a DSU,
 * and helpers to bring an aid request to any status through the API.
 */
import type { AidOut } from '../../src-main/modules';
import type { Input } from '../../src-main/modules';
import { newTeam, register, type Team } from './team';

export const TODAY = '2026-11-23';
export const clock = () => new Date('2026-11-23T10:00:00');

export async function aidTeam() {
  const team = await newTeam(clock);
  const resp2 = await team.userWith('resp2', ['responsable'], 'Rania Adjointe');
  /** An ASS who is also responsable-adjointe: she may never validate what she instructed. */
  const mixte = await team.userWith('mixte', ['ass', 'responsable'], 'Maud Mixte');
  return { ...team, resp2, mixte };
}
export type AidTeam = Awaited<ReturnType<typeof aidTeam>>;

let n = 0;
/** A person alone in Montauban with a DSU whose référent is `referent` (default: ASS 1). */
export async function household(team: Team, referent?: { id: number; token: string }, p: { birthDate?: string } = {}) {
  n++;
  const born = new Date(Date.UTC(1960, 0, 1 + n * 37)).toISOString().slice(0, 10);
  const card = await register(team, { birthName: `Aide${n}`, firstNames: `Prénom${n}`, birthDate: p.birthDate ?? born });
  const who = referent ?? team.ass;
  const dsu = await team.must(who.token, 'dsu:open', { householdId: card.household!.id, referentId: who.id });
  return { personId: card.person.id, householdId: card.household!.id, dsuId: dsu.id, dsuNumber: dsu.number };
}

/** A secours in the example règlement's barème and within the delegation (RSA alone, rent). */
export function secours(h: { dsuId: number; personId: number }, over: Partial<Input<'aid:save'>> = {}): Input<'aid:save'> {
  return {
    dsuId: h.dsuId,
    personId: h.personId,
    requestedOn: TODAY,
    dispositif: 'secours_cd',
    nature: 'alimentaire',
    object: 'Courses dans l’attente de l’ouverture des droits',
    amountCents: 12000,
    paymentMode: 'virement_beneficiaire',
    payeeKind: 'beneficiaire',
    noteSociale: 'Rupture de ressources depuis deux mois ; droits RSA en cours d’ouverture.',
    budget: { resources: [{ kind: 'rsa', amountCents: 30000 }], charges: [{ kind: 'loyer', amountCents: 45000 }, { kind: 'energie', amountCents: 6000 }] },
    ...over,
  };
}

export const GRANT = { paymentMode: 'virement_beneficiaire', payeeKind: 'beneficiaire', grantedCents: 12000 } as const;

export type Status = AidOut['status'];

/** Creates a request (author: `author`) and brings it to `status` through the API. */
export async function reach(team: AidTeam, status: Status, author: { id: number; token: string } = team.ass, over: Partial<Input<'aid:save'>> = {}): Promise<AidOut> {
  const h = await household(team, author);
  let a = await team.must(author.token, 'aid:save', secours(h, over));
  if (status === 'brouillon') return a;
  if (status === 'classee_sans_suite') return team.must(author.token, 'aid:act', { action: 'classify', id: a.id, reason: 'La personne a retiré sa demande' });
  a = await team.must(author.token, 'aid:act', { action: 'submit', id: a.id });
  if (status === 'soumise') return a;
  a = await team.must(team.resp.token, 'aid:act', { action: 'take', id: a.id });
  if (status === 'a_valider') return a;
  if (status === 'accordee') return team.must(team.resp.token, 'aid:act', { action: 'grant', id: a.id, ...GRANT });
  if (status === 'refusee') return team.must(team.resp.token, 'aid:act', { action: 'refuse', id: a.id, reasons: 'Ressources suffisantes au regard du budget' });
  if (status === 'ajournee') return team.must(team.resp.token, 'aid:act', { action: 'adjourn', id: a.id, missingDocuments: 'Avis d’échéance du loyer' });
  return team.must(team.resp.token, 'aid:act', { action: 'toCommission', id: a.id, favorable: true, opinion: 'Situation d’urgence, avis favorable' });
}
