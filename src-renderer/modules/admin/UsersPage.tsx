import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../src-main/shared/roles';
import type { Output, SessionInfo } from '../../../src-main/modules';
import { must } from '../../api';
import { errorText, useFormErrors } from '../../app/errors';
import { Alert, Button, CheckboxList, ConfirmDialog, DialogActions, DialogBox, ErrorSummary, PageHeader, TextInput } from '../../ui/components';
import { columnHelperFor, DataTable } from '../../ui/DataTable';
import { formatShortDate } from '../../ui/format';
import { useResource } from '../../ui/useResource';

type User = Output<'admin:listUsers'>[number];
type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: User }
  | { kind: 'disable'; user: User }
  | { kind: 'confirmReset'; user: User }
  | { kind: 'otp'; user: User; password: string; reason: 'created' | 'reset' | 'enabled' }
  | null;

const col = columnHelperFor<User>();

export function UsersPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { data: users, error: loadError, reload: load } = useResource(() => must('admin:listUsers', {}));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const enable = useCallback(
    async (user: User) => {
      try {
        const r = await must('admin:enableUser', { userId: user.id });
        setDialog({ kind: 'otp', user: r.user, password: r.oneTimePassword, reason: 'enabled' });
        await load();
      } catch (e) {
        setError(errorText(e));
      }
    },
    [load],
  );

  const columns = useMemo(
    () => [
      col.accessor('displayName', { header: () => t('fields.displayName'), sortFn: 'french' }),
      col.accessor('login', { header: () => t('fields.login'), sortFn: 'french' }),
      col.accessor((u) => u.roles.map((r) => t(`roles.${r}`)).join(', '), { id: 'roles', header: () => t('fields.roles') }),
      col.accessor((u) => (u.disabled ? t('users.statusDisabled') : u.mustChangePassword ? t('users.statusPending') : t('users.statusActive')), {
        id: 'status',
        header: () => t('users.status'),
      }),
      col.accessor('createdAt', { header: () => t('users.createdAt'), cell: (c) => formatShortDate(c.getValue()), sortFn: 'text' }),
      col.display({
        id: 'actions',
        header: () => t('common.actions'),
        cell: ({ row }) => {
          const u = row.original;
          const self = u.id === session.user.id;
          return (
            <div className="row-actions">
              <Button variant="quiet" onPress={() => setDialog({ kind: 'edit', user: u })} aria-label={t('users.editOf', { name: u.displayName })}>
                {t('common.edit')}
              </Button>
              {!u.disabled && (
                <Button variant="quiet" onPress={() => setDialog({ kind: 'confirmReset', user: u })} aria-label={t('users.resetOf', { name: u.displayName })}>
                  {t('users.reset')}
                </Button>
              )}
              {!u.disabled && !self && (
                <Button variant="quiet" onPress={() => setDialog({ kind: 'disable', user: u })} aria-label={t('users.disableOf', { name: u.displayName })}>
                  {t('users.disable')}
                </Button>
              )}
              {u.disabled && (
                <Button variant="quiet" onPress={() => void enable(u)} aria-label={t('users.enableOf', { name: u.displayName })}>
                  {t('users.enable')}
                </Button>
              )}
            </div>
          );
        },
      }),
    ],
    [t, session.user.id, enable],
  );

  return (
    <>
      <PageHeader title={t('nav.users')}>
        <Button variant="primary" onPress={() => setDialog({ kind: 'create' })}>
          {t('users.new')}
        </Button>
      </PageHeader>
      {notice && <Alert kind="success">{notice}</Alert>}
      {(error ?? loadError) && <Alert kind="error">{error ?? loadError}</Alert>}
      {users && <DataTable label={t('users.tableLabel')} columns={columns} data={users} getRowId={(u) => String(u.id)} empty={t('users.empty')} />}

      {dialog?.kind === 'create' && (
        <UserForm
          onClose={() => setDialog(null)}
          onSaved={async (r) => {
            await load();
            setDialog({ kind: 'otp', user: r.user, password: r.oneTimePassword ?? '', reason: 'created' });
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <UserForm
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={async () => {
            await load();
            setNotice(t('users.saved', { name: dialog.user.displayName }));
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'confirmReset' && (
        <ConfirmDialog
          title={t('users.resetTitle', { name: dialog.user.displayName })}
          confirmLabel={t('users.reset')}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const r = await must('admin:resetPassword', { userId: dialog.user.id });
            await load();
            setDialog({ kind: 'otp', user: r.user, password: r.oneTimePassword, reason: 'reset' });
          }}
        >
          <p>{t('users.resetExplain')}</p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'disable' && (
        <DisableDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={async () => {
            await load();
            setNotice(t('users.disabled', { name: dialog.user.displayName }));
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'otp' && (
        <DialogBox title={t(`users.otpTitle.${dialog.reason}`, { name: dialog.user.displayName })} isOpen onClose={() => setDialog(null)} isDismissable={false}>
          <p>{t('users.otpExplain', { login: dialog.user.login })}</p>
          <p className="recovery-code" data-testid="one-time-password">
            {dialog.password}
          </p>
          <Alert kind="info">{t('users.otpOnce')}</Alert>
          <div className="actions">
            <Button variant="primary" slot="close" autoFocus>
              {t('users.otpDone')}
            </Button>
          </div>
        </DialogBox>
      )}
    </>
  );
}

function UserForm({ user, onClose, onSaved }: { user?: User; onClose: () => void; onSaved: (r: { user: User; oneTimePassword?: string }) => Promise<void> }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState(user?.login ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const form = useFormErrors(['login', 'displayName', 'roles']);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    form.clear();
    try {
      if (user) {
        const u = await must('admin:updateUser', { userId: user.id, displayName, roles });
        await onSaved({ user: u });
      } else {
        await onSaved(await must('admin:createUser', { login, displayName, roles }));
      }
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <DialogBox title={user ? t('users.editTitle', { name: user.displayName }) : t('users.new')} isOpen onClose={onClose}>
      <Form onSubmit={submit} validationBehavior="aria">
        <TextInput label={t('fields.login')} name="login" value={login} onChange={setLogin} isRequired isReadOnly={!!user} error={form.of('login')} description={user ? undefined : t('fields.loginHelp')} autoFocus={!user} />
        <TextInput label={t('fields.displayName')} name="displayName" value={displayName} onChange={setDisplayName} isRequired error={form.of('displayName')} autoFocus={!!user} />
        <CheckboxList
          label={t('fields.roles')}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`), hint: t(`roleHints.${r}`) }))}
          value={roles}
          onChange={setRoles}
          isRequired
          error={form.of('roles')}
        />
        <ErrorSummary errors={form.errors} />
        <DialogActions submitLabel={user ? t('common.save') : t('users.create')} busy={busy} />
      </Form>
    </DialogBox>
  );
}

function DisableDialog({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [rotate, setRotate] = useState<string[]>(['rotate']);
  return (
    <ConfirmDialog
      title={t('users.disableTitle', { name: user.displayName })}
      confirmLabel={t('users.disable')}
      variant="danger"
      onClose={onClose}
      onConfirm={async () => {
        await must('admin:disableUser', { userId: user.id, rotateKey: rotate.includes('rotate') });
        await onDone();
      }}
    >
      <p>{t('users.disableExplain')}</p>
      <CheckboxList label={t('users.rotateLabel')} options={[{ value: 'rotate', label: t('users.rotate') }]} value={rotate} onChange={setRotate} />
    </ConfirmDialog>
  );
}
