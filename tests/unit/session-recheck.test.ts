/** Every call checks its session against the account as it is now, whoever changed it. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/api/dispatch';
import { newSite } from '../helpers/site';

describe('sessions rechecked on every call', () => {
  it('a disabled account’s live session is refused at its next call and ended', async () => {
    const s = await newSite();
    const ass = await s.userWith('ass.suivi', ['ass']);
    expect((await s.call(ass.token, 'auth:session', {})).ok).toBe(true);
    // Disabled behind the sessions' back (as another process would): straight in the store.
    const db = s.app.vault.db;
    db.prepare("UPDATE users SET disabled_at = '2026-11-30T10:00:00.000Z' WHERE id = ?").run(ass.id);
    const out = await dispatch(s.app, ass.token, 'persons:search', { q: 'Dupont' });
    expect(out.result).toMatchObject({ ok: false, error: { code: 'account_disabled', message: expect.stringContaining('désactivé') } });
    expect(out.sessionToken).toBeNull();
    expect(s.app.sessions.get(ass.token)).toBeNull();
    s.app.close();
  });

  it('changed roles apply at the next call: a role taken away is refused at once', async () => {
    const s = await newSite();
    const both = await s.userWith('double', ['ass', 'responsable']);
    expect((await s.call(both.token, 'aid:queue', {})).ok).toBe(true);
    s.app.vault.db.prepare("DELETE FROM user_roles WHERE user_id = ? AND role = 'responsable'").run(both.id);
    expect(await s.call(both.token, 'aid:queue', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(s.app.sessions.get(both.token)?.roles).toEqual(['ass']);
    s.app.close();
  });
});
