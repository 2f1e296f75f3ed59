import { AppCore } from '../../src-main/api/app';
import { dispatch } from '../../src-main/api/dispatch';
import type { Channel, Input, Output } from '../../src-main/modules';
import type { Role } from '../../src-main/shared/roles';
import { tmpDir } from './tmp';
import { registry } from '../../src-main/modules';

export const ADMIN_PASSWORD = 'une longue phrase secrète';

/** A site created through the API, with its admin logged in. */
export async function newSite(dir = tmpDir(), clock?: () => Date) {
  const app = new AppCore(dir, registry);
  if (clock) app.clock = clock;
  const init = await dispatch(app, null, 'setup:init', {
    siteName: 'MDS Montauban Est',
    siteCode: 'MTB',
    communes: [
      { insee: '82121', name: 'Montauban' },
      { insee: '82112', name: 'Lamothe-Capdeville' },
      { insee: '82125', name: 'Montech' },
    ],
    admin: { login: 'admin', displayName: 'Camille Admin', password: ADMIN_PASSWORD },
  });
  if (!init.result.ok) throw new Error(init.result.error.message);
  const login = await dispatch(app, null, 'auth:login', { login: 'admin', password: ADMIN_PASSWORD });
  if (!login.result.ok || !login.sessionToken) throw new Error('admin login failed');
  const adminToken = login.sessionToken;
  const call = async <C extends Channel>(token: string | null, channel: C, input: Input<C>) => {
    const out = await dispatch(app, token, channel, input);
    return out.result;
  };
  const must = async <C extends Channel>(token: string | null, channel: C, input: Input<C>) => {
    const r = await call(token, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as Output<C>;
  };
  /** Creates a user with `roles`, returns a live session token for them (password changed). */
  const userWith = async (login: string, roles: Role[], displayName = login) => {
    const created = await must(adminToken, 'admin:createUser', { login, displayName, roles });
    const first = await dispatch(app, null, 'auth:login', { login, password: created.oneTimePassword });
    const token = first.sessionToken!;
    await must(token, 'auth:changePassword', { current: created.oneTimePassword, next: 'phrase personnelle tres longue' });
    return { id: created.user.id, token, password: 'phrase personnelle tres longue' };
  };
  return { app, dir, adminToken, call, must, userWith, recoveryCode: (init.result.value as { recoveryCode: string }).recoveryCode };
}
