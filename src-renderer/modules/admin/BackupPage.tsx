import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Output, SessionInfo } from '../../../src-main/modules';
import { must } from '../../api';
import { errorText, useFormErrors } from '../../app/errors';
import { RecoveryCodeSheet } from '../../app/RecoveryCodeSheet';
import { Alert, Button, ConfirmDialog, DialogActions, DialogBox, ErrorSummary, PageHeader, TextInput } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useResource } from '../../ui/useResource';

type Backup = Output<'admin:listBackups'>['backups'][number];
type Restored = Output<'admin:restoreBackup'>;

/** 1 234 567 bytes → « 1,2 Mio » (French units, the language's number format). */
export function formatBytes(bytes: number, language: string): string {
  const nf = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 1 });
  const units = language === 'en' ? ['bytes', 'KiB', 'MiB', 'GiB'] : ['octets', 'Kio', 'Mio', 'Gio'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${nf.format(v)} ${units[u]}`;
}

/** Backups and restores (the same code as `passeur backup` / `passeur restore`), and the site's recovery code. */
export function BackupPage({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const { data, error: loadError, reload } = useResource(() => must('admin:listBackups', {}));
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [restored, setRestored] = useState<Restored | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice || error) noticeRef.current?.focus();
  }, [notice, error]);

  async function backupNow() {
    setBusy(true);
    setNotice(null);
    setError(null);
    try {
      const b = await must('admin:backup', {});
      await reload();
      setNotice(t('backup.done', { path: b.path, size: formatBytes(b.bytes, i18n.language) }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('nav.backup')} />
      <p className="lead">{t('backup.lead')}</p>
      <div ref={noticeRef} tabIndex={-1} className="focus-target">
        {notice && <Alert kind="success">{notice}</Alert>}
        {(error ?? loadError) && <Alert kind="error">{error ?? loadError}</Alert>}
      </div>

      <section className="panel" aria-labelledby="backup-now-title">
        <h2 id="backup-now-title">{t('backup.nowTitle')}</h2>
        <p>{t('backup.nowHelp', { folder: data?.folder ?? '…' })}</p>
        <div className="actions">
          <Button variant="primary" onPress={() => void backupNow()} isDisabled={busy}>
            {busy ? t('backup.writing') : t('backup.now')}
          </Button>
        </div>
      </section>

      <section className="panel" aria-labelledby="backup-list-title">
        <h2 id="backup-list-title">{t('backup.listTitle')}</h2>
        <p className="muted">{t('backup.listHelp')}</p>
        {data && data.backups.length === 0 && <p>{t('backup.none')}</p>}
        {data && data.backups.length > 0 && (
          <table className="table">
            <caption className="visually-hidden">{t('backup.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backup.createdAt')}</th>
                <th scope="col">{t('backup.file')}</th>
                <th scope="col">{t('backup.size')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.backups.map((b) => (
                <tr key={b.file}>
                  <td>{b.createdAt ? formatDateTime(b.createdAt) : t('backup.unreadable')}</td>
                  <td className="backup-file">{b.file}</td>
                  <td>{formatBytes(b.bytes, i18n.language)}</td>
                  <td className="actions">
                    <Button variant="secondary" onPress={() => setRestoring(b)} aria-label={t('backup.restoreThis', { date: b.createdAt ? formatDateTime(b.createdAt) : b.file })}>
                      {t('backup.restore')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <RecoveryCode />

      {restoring && <RestoreDialog backup={restoring} login={session.user.login} onClose={() => setRestoring(null)} onRestored={(r) => { setRestoring(null); setRestored(r); }} />}
      {restored && (
        <DialogBox title={t('backup.restoredTitle')} isOpen onClose={() => undefined} isDismissable={false}>
          <div role="status">
            <p>{t('backup.restoredWhat', { date: formatDateTime(restored.createdAt) })}</p>
            {restored.kept && <p>{restored.keptVerified ? t('backup.keptVerified', { folder: restored.kept }) : t('backup.keptUnverified', { folder: restored.kept, why: restored.keptNote ?? '' })}</p>}
            <p>{t('backup.loginAgain')}</p>
          </div>
          <div className="actions">
            <Button
              variant="primary"
              autoFocus
              onPress={() => {
                window.location.hash = '#/';
                window.location.reload();
              }}
            >
              {t('backup.reconnect')}
            </Button>
          </div>
        </DialogBox>
      )}
    </>
  );
}

function RestoreDialog({ backup, login: ownLogin, onClose, onRestored }: { backup: Backup; login: string; onClose: () => void; onRestored: (r: Restored) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState(ownLogin);
  const [password, setPassword] = useState('');
  const form = useFormErrors(['login', 'password']);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    form.clear();
    try {
      onRestored(await must('admin:restoreBackup', { file: backup.file, login, password }));
    } catch (err) {
      form.fail(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <DialogBox title={t('backup.restoreTitle', { date: backup.createdAt ? formatDateTime(backup.createdAt) : backup.file })} isOpen onClose={onClose}>
      <ol className="steps">
        <li>{t('backup.step1')}</li>
        <li>{t('backup.step2')}</li>
        <li>{t('backup.step3')}</li>
        <li>{t('backup.step4')}</li>
      </ol>
      <Form onSubmit={submit} validationBehavior="aria">
        <TextInput label={t('fields.login')} name="login" value={login} onChange={setLogin} isRequired autoComplete="username" error={form.of('login')} />
        <TextInput
          label={t('backup.passwordInBackup')}
          name="password"
          type="password"
          value={password}
          onChange={setPassword}
          isRequired
          autoComplete="current-password"
          autoFocus
          description={t('backup.passwordHelp')}
          error={form.of('password')}
        />
        <ErrorSummary errors={form.errors} />
        <DialogActions submitLabel={busy ? t('backup.restoring') : t('backup.restoreConfirm')} busy={busy} />
      </Form>
    </DialogBox>
  );
}

/** The site's recovery code: renewed here, shown once, to print and lock away. */
function RecoveryCode() {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('recovery.title')}</h2>
      <p>{t('recovery.explain')}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      <div className="actions">
        <Button variant="secondary" onPress={() => setConfirming(true)}>
          {t('recovery.renew')}
        </Button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('recovery.renewTitle')}
          confirmLabel={t('recovery.renewConfirm')}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const r = await must('admin:renewRecoveryCode', {});
            setConfirming(false);
            setCode(r.recoveryCode);
          }}
        >
          <p>{t('recovery.renewWarning')}</p>
        </ConfirmDialog>
      )}
      {code && (
        <DialogBox title={t('recovery.newTitle')} isOpen onClose={() => undefined} isDismissable={false}>
          <p>{t('recovery.newExplain')}</p>
          <RecoveryCodeSheet
            code={code}
            doneLabel={t('recovery.done')}
            onDone={() => {
              setCode(null);
              setNotice(t('recovery.renewed'));
            }}
          />
        </DialogBox>
      )}
    </section>
  );
}
