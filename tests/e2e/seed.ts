/** Seeds a site through the HTTP API (what the UI would do, faster) for journeys that start later. */
export const ADMIN = { login: 'admin', password: 'une longue phrase secrète', name: 'Camille Admin' };

async function rpc(url: string, channel: string, input: unknown, cookie?: string) {
  const res = await fetch(`${url}rpc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return { value: body.value as never, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? cookie };
}

export interface Seeded {
  users: Record<string, { login: string; password: string; name: string; id: number }>;
}

export async function seedSite(url: string, people: { login: string; name: string; roles: string[] }[] = []): Promise<Seeded> {
  await rpc(url, 'setup:init', {
    siteName: 'MDS Montauban Est',
    siteCode: 'MTB',
    communes: [
      { insee: '82121', name: 'Montauban' },
      { insee: '82125', name: 'Montech' },
      { insee: '82112', name: 'Lamothe-Capdeville' },
    ],
    admin: { login: ADMIN.login, displayName: ADMIN.name, password: ADMIN.password },
  });
  const { cookie } = await rpc(url, 'auth:login', { login: ADMIN.login, password: ADMIN.password });
  const users: Seeded['users'] = {};
  for (const p of people) {
    const created = (await rpc(url, 'admin:createUser', { login: p.login, displayName: p.name, roles: p.roles }, cookie)).value as { user: { id: number }; oneTimePassword: string };
    const first = await rpc(url, 'auth:login', { login: p.login, password: created.oneTimePassword });
    const password = `phrase secrète n° ${Object.keys(users).length + 1} du site`;
    await rpc(url, 'auth:changePassword', { current: created.oneTimePassword, next: password }, first.cookie);
    users[p.login] = { login: p.login, password, name: p.name, id: created.user.id };
  }
  return { users };
}

export const TEAM = [
  { login: 'sophie', name: 'Sophie Secrétaire', roles: ['secretaire'] },
  { login: 'alice', name: 'Alice Assistante', roles: ['ass'] },
  { login: 'bruno', name: 'Bruno Volant', roles: ['ass'] },
  { login: 'claire', name: 'Claire Conseillère', roles: ['cesf'] },
  { login: 'remi', name: 'Rémi Responsable', roles: ['responsable'] },
];

/** A site with its team, the Montauban sector (Alice, Claire) and two partners. */
export async function seedTeam(url: string) {
  const seeded = await seedSite(url, TEAM);
  const u = seeded.users;
  const admin = await rpc(url, 'auth:login', { login: ADMIN.login, password: ADMIN.password });
  await rpc(url, 'admin:saveSector', { name: 'Montauban Est', referentAssId: u.alice!.id, referentCesfId: u.claire!.id, communes: ['82121'] }, admin.cookie);
  const sec = await rpc(url, 'auth:login', { login: 'sophie', password: u.sophie!.password });
  await rpc(url, 'partners:save', { organisation: 'CAF de Tarn-et-Garonne', service: 'Accueil', category: 'Sécurité sociale' }, sec.cookie);
  await rpc(url, 'partners:save', { organisation: 'Tarn-et-Garonne Habitat', service: 'Gestion locative', category: 'Bailleur social' }, sec.cookie);
  return { ...seeded, as: async (login: string) => (await rpc(url, 'auth:login', { login, password: u[login]!.password })).cookie!, rpc: (channel: string, input: unknown, cookie: string) => rpc(url, channel, input, cookie) };
}
