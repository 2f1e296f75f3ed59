/**
 * « Postes de l'équipe » (admins): whether this site's host serves the team, pairing a new
 * workstation (a one-time code, the host's fingerprint to compare, a countdown), and the list
 * of paired workstations with their revocation. ARCHITECTURE « Team mode ».
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Output, TeamWorkstation } from '../../../src-main/modules';
import { must } from '../../api';
import { errorText, useFormErrors } from '../../app/errors';
import { Alert, Button, ConfirmDialog, ErrorSummary, PageHeader, TextInput } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useResource } from '../../ui/useResource';

type Code = Output<'team:createPairingCode'>;

/** Seconds left before `iso`, counted down each second (0 once past). */
function useSecondsLeft(iso: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [iso]);
  return iso ? Math.max(0, Math.round((new Date(iso).getTime() - now) / 1000)) : 0;
}

/** `ADDRESS:PORT` of the listener running now (started from the command line), as the form's start. */
function current(address: string | null): { address: string; port: number } | null {
  const m = address ? /^\[?(.*?)\]?:(\d+)$/.exec(address) : null;
  return m ? { address: m[1]!, port: Number(m[2]) } : null;
}

export function TeamPage() {
  const { t } = useTranslation();
  const { data, error: loadError, reload } = useResource(() => must('team:status', {}));
  const [code, setCode] = useState<Code | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<TeamWorkstation | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const seconds = useSecondsLeft(code?.expiresAt ?? null);
  const expired = code !== null && seconds === 0;

  useEffect(() => {
    if (notice || error) noticeRef.current?.focus();
  }, [notice, error]);

  async function createCode() {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setCode(await must('team:createPairingCode', {}));
      await reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const active = data?.workstations.filter((w) => w.revokedAt === null) ?? [];
  const revoked = data?.workstations.filter((w) => w.revokedAt !== null) ?? [];

  return (
    <>
      <PageHeader title={t('nav.team')} />
      <p className="lead">{t('team.lead')}</p>
      <div ref={noticeRef} tabIndex={-1} className="focus-target">
        {notice && <Alert kind="success">{notice}</Alert>}
        {(error ?? loadError) && <Alert kind="error">{error ?? loadError}</Alert>}
      </div>

      {data && (
        <section className="panel" aria-labelledby="team-host-title">
          <h2 id="team-host-title">{t('team.hostTitle')}</h2>
          {data.hosting ? (
            <>
              <p>{t('team.hostOn', { address: data.address })}</p>
              <p>
                {t('team.fingerprint')} <span className="fingerprint">{data.fingerprint}</span>
              </p>
            </>
          ) : (
            <p>{t('team.hostOff')}</p>
          )}
          {data.canHost && <HostingForm hosting={data.hosting} setting={data.setting ?? current(data.address)} onDone={async (msg) => { setNotice(msg); await reload(); }} />}
        </section>
      )}

      {data?.hosting && (
        <section className="panel" aria-labelledby="team-pair-title">
          <h2 id="team-pair-title">{t('team.pairTitle')}</h2>
          <p>{t('team.pairHelp')}</p>
          <div className="actions">
            <Button variant="primary" onPress={() => void createCode()} isDisabled={busy}>
              {code && !expired ? t('team.newCode') : t('team.createCode')}
            </Button>
          </div>
          {code && (
            <div className="pairing-code" role="status">
              {expired ? (
                <p>{t('team.codeExpired')}</p>
              ) : (
                <>
                  <p>
                    {t('team.codeLabel')} <strong className="code">{code.code}</strong>
                  </p>
                  <p>
                    {t('team.pairingAddress')} <strong>{code.address}</strong>
                  </p>
                  <p>
                    {t('team.fingerprintCompare')} <span className="fingerprint">{code.fingerprint}</span>
                  </p>
                </>
              )}
            </div>
          )}
          {code && !expired && (
            <p className="muted" aria-live="off">
              {t('team.expiresIn', { count: Math.ceil(seconds / 60), minutes: Math.floor(seconds / 60), seconds: String(seconds % 60).padStart(2, '0') })}
            </p>
          )}
        </section>
      )}

      {data && (
        <section className="panel" aria-labelledby="team-list-title">
          <h2 id="team-list-title">{t('team.listTitle', { count: active.length })}</h2>
          {data.workstations.length === 0 ? (
            <p>{t('team.none')}</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">{t('team.listCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('team.name')}</th>
                  <th scope="col">{t('team.pairedOn')}</th>
                  <th scope="col">{t('team.lastSeen')}</th>
                  <th scope="col">{t('team.state')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {[...active, ...revoked].map((w) => (
                  <tr key={w.id}>
                    <td>{w.name}</td>
                    <td>
                      {formatDateTime(w.pairedAt)}
                      {w.pairedBy ? ` — ${w.pairedBy.displayName}` : ''}
                    </td>
                    <td>{w.lastSeen ? formatDateTime(w.lastSeen) : t('team.never')}</td>
                    <td>{w.revokedAt ? t('team.revokedOn', { date: formatDateTime(w.revokedAt), by: w.revokedBy?.displayName ?? '—' }) : t('team.activeState')}</td>
                    <td className="actions">
                      {w.revokedAt === null && (
                        <Button variant="danger" onPress={() => setRevoking(w)} aria-label={t('team.revokeThis', { name: w.name })}>
                          {t('team.revoke')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}

      {revoking && (
        <ConfirmDialog
          title={t('team.revokeTitle', { name: revoking.name })}
          confirmLabel={t('team.revokeConfirm')}
          variant="danger"
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            const w = await must('team:revoke', { id: revoking.id });
            setRevoking(null);
            setNotice(t('team.revoked', { name: w.name }));
            await reload();
          }}
        >
          <p>{t('team.revokeWarning')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

function HostingForm({ hosting, setting, onDone }: { hosting: boolean; setting: { address: string; port: number } | null; onDone: (msg: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState(setting?.address ?? '');
  const [port, setPort] = useState(String(setting?.port ?? 7443));
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(['address', 'port']);

  async function submit(e: FormEvent, enabled: boolean) {
    e.preventDefault();
    setBusy(true);
    form.clear();
    try {
      await must('team:setHosting', { enabled, address: address.trim(), port: Number(port) });
      await onDone(enabled ? t('team.hostStarted', { address: `${address.trim()}:${port}` }) : t('team.hostStopped'));
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form onSubmit={(e) => void submit(e, true)} validationBehavior="aria" className="narrow">
      <TextInput label={t('team.address')} name="address" value={address} onChange={setAddress} isRequired description={t('team.addressHelp')} error={form.of('address')} />
      <TextInput label={t('team.port')} name="port" value={port} onChange={setPort} isRequired description={t('team.portHelp')} error={form.of('port')} />
      <ErrorSummary errors={form.errors} />
      <div className="actions">
        <Button variant="primary" type="submit" isDisabled={busy}>
          {hosting ? t('team.hostApply') : t('team.hostStart')}
        </Button>
        {hosting && (
          <Button variant="secondary" isDisabled={busy} onPress={() => void submit({ preventDefault: () => undefined } as FormEvent, false)}>
            {t('team.hostStop')}
          </Button>
        )}
      </div>
    </Form>
  );
}
