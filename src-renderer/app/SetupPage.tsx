import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../api';
import { Button, ErrorSummary, TextAreaInput, TextInput } from '../ui/components';
import { useFormErrors } from './errors';
import { RecoveryCodeSheet } from './RecoveryCodeSheet';
import { LanguageSwitch } from './LanguageSwitch';

/** "82121 Montauban" per line → communes; returns the number of the first bad line. */
export function parseCommunes(text: string): { communes: { insee: string; name: string }[]; badLine: number | null } {
  const communes: { insee: string; name: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const m = /^([0-9]{5}|2[ABab][0-9]{3})[\s;,:]+(.+)$/.exec(line);
    if (!m) return { communes, badLine: i + 1 };
    communes.push({ insee: m[1]!.toUpperCase(), name: m[2]!.trim() });
  }
  return { communes, badLine: null };
}

export function SetupPage({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({ siteName: '', siteCode: '', communes: '', login: '', displayName: '', password: '', confirm: '' });
  // Every problem at once, each beside its field (the contract's paths for the admin's fields).
  const errors = useFormErrors({
    siteName: ['siteName'],
    siteCode: ['siteCode'],
    communes: ['communes'],
    login: ['admin.login'],
    displayName: ['admin.displayName'],
    password: ['admin.password'],
    confirm: ['confirm'],
  });
  const [busy, setBusy] = useState(false);
  const [recovery, setRecovery] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (v: string) => setF((old) => ({ ...old, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const { communes, badLine } = parseCommunes(f.communes);
    if (badLine !== null) errs.communes = t('setup.communesBadLine', { line: badLine });
    if (f.password !== f.confirm) errs.confirm = t('password.mismatch');
    if (!errors.check(errs)) return;
    errors.clear();
    setBusy(true);
    try {
      const r = await must('setup:init', {
        siteName: f.siteName,
        siteCode: f.siteCode,
        communes,
        admin: { login: f.login, displayName: f.displayName, password: f.password },
      });
      setRecovery(r.recoveryCode);
    } catch (err) {
      errors.fail(err);
    } finally {
      setBusy(false);
    }
  }

  if (recovery) {
    return (
      <main className="center-page">
        <section className="card wide" aria-labelledby="recovery-title">
          <h1 id="recovery-title">{t('setup.recoveryTitle')}</h1>
          <p>{t('setup.recoveryExplain')}</p>
          <RecoveryCodeSheet code={recovery} doneLabel={t('setup.continue')} onDone={onDone} />
        </section>
      </main>
    );
  }

  return (
    <main className="center-page">
      <section className="card wide" aria-labelledby="setup-title">
        <div className="card-top">
          <h1 id="setup-title">{t('setup.title')}</h1>
          <LanguageSwitch />
        </div>
        <p>{t('setup.intro')}</p>
        <ErrorSummary errors={errors.errors} />
        <Form onSubmit={submit} validationBehavior="aria">
          <fieldset>
            <legend>{t('setup.siteLegend')}</legend>
            <div className="grid-2">
              <TextInput label={t('setup.siteName')} name="siteName" value={f.siteName} onChange={set('siteName')} isRequired error={errors.of('siteName')} autoFocus />
              <TextInput label={t('setup.siteCode')} name="siteCode" value={f.siteCode} onChange={set('siteCode')} isRequired description={t('setup.siteCodeHelp')} error={errors.of('siteCode')} />
            </div>
            <TextAreaInput label={t('setup.communes')} name="communes" value={f.communes} onChange={set('communes')} description={t('setup.communesHelp')} error={errors.of('communes')} rows={5} />
          </fieldset>
          <fieldset>
            <legend>{t('setup.adminLegend')}</legend>
            <div className="grid-2">
              <TextInput label={t('fields.login')} name="login" value={f.login} onChange={set('login')} isRequired autoComplete="username" error={errors.of('login')} description={t('fields.loginHelp')} />
              <TextInput label={t('fields.displayName')} name="displayName" value={f.displayName} onChange={set('displayName')} isRequired error={errors.of('displayName')} />
              <TextInput label={t('fields.password')} name="password" type="password" value={f.password} onChange={set('password')} isRequired autoComplete="new-password" description={t('password.policy')} error={errors.of('password')} />
              <TextInput label={t('password.confirm')} name="confirm" type="password" value={f.confirm} onChange={set('confirm')} isRequired autoComplete="new-password" error={errors.of('confirm')} />
            </div>
          </fieldset>
          <div className="actions">
            <Button type="submit" variant="primary" isDisabled={busy}>
              {busy ? t('setup.creating') : t('setup.create')}
            </Button>
          </div>
        </Form>
      </section>
    </main>
  );
}
