/**
 * The site's postal block (DOMAIN §4.4): service name, address lines, postcode, city and
 * phone, printed at the head of every decision letter. Set by the administrator.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { fileToBase64 } from '../../ui/format';
import { errorText, useFormErrors } from '../../app/errors';
import { Alert, Button, ErrorSummary, TextAreaInput, TextInput } from '../../ui/components';

interface Draft {
  serviceName: string;
  address: string;
  postcode: string;
  city: string;
  phone: string;
}

export function SitePostal() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [siteName, setSiteName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const form = useFormErrors({ serviceName: ['serviceName'], addressLines: ['addressLines', 'addressLines.0', 'addressLines.1', 'addressLines.2', 'addressLines.3'], postcode: ['postcode'], city: ['city'], phone: ['phone'] });
  useEffect(() => {
    void must('admin:getSite', {}).then(
      (s) => {
        setSiteName(s.name);
        setDraft({ serviceName: s.serviceName, address: s.addressLines.join('\n'), postcode: s.postcode, city: s.city, phone: s.phone });
      },
      (e: unknown) => setError({ message: errorText(e) }),
    );
  }, []);
  if (!draft) return error ? <Alert kind="error">{error.message}</Alert> : null;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const lines = draft.address.split('\n').map((l) => l.trim()).filter(Boolean);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    const problems: Record<string, string> = {};
    if (lines.length > 3) problems.addressLines = t('settings.site.tooManyLines');
    if (!/^(\d{5})?$/.test(draft!.postcode.trim())) problems.postcode = t('settings.site.postcodeInvalid');
    if (!form.check(problems)) return;
    try {
      const s = await must('admin:saveSite', { serviceName: draft!.serviceName, addressLines: lines, postcode: draft!.postcode.trim(), city: draft!.city, phone: draft!.phone });
      setDraft({ serviceName: s.serviceName, address: s.addressLines.join('\n'), postcode: s.postcode, city: s.city, phone: s.phone });
      form.clear();
      setNotice(t('settings.site.saved'));
    } catch (err) {
      form.fail(err);
    }
  }
  const fieldError = form.of;

  return (
    <section aria-labelledby="site-title" className="panel narrow-wide">
      <h2 id="site-title">{t('settings.site.title')}</h2>
      <p className="muted">{t('settings.site.help', { site: siteName })}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <TextInput label={t('settings.site.serviceName')} name="serviceName" value={draft.serviceName} onChange={(v) => set({ serviceName: v })} description={t('settings.site.serviceNameHelp')} error={fieldError('serviceName')} />
        <TextAreaInput label={t('settings.site.address')} name="addressLines" value={draft.address} onChange={(v) => set({ address: v })} rows={3} description={t('settings.site.addressHelp')} error={fieldError('addressLines')} />
        <div className="grid-2">
          <TextInput label={t('settings.site.postcode')} name="postcode" value={draft.postcode} onChange={(v) => set({ postcode: v })} error={fieldError('postcode')} />
          <TextInput label={t('settings.site.city')} name="city" value={draft.city} onChange={(v) => set({ city: v })} error={fieldError('city')} />
          <TextInput label={t('settings.site.phone')} name="phone" type="tel" value={draft.phone} onChange={(v) => set({ phone: v })} error={fieldError('phone')} />
        </div>
        <ErrorSummary errors={form.errors} />
        <div className="actions">
          <Button type="submit" variant="primary">
            {t('settings.site.save')}
          </Button>
        </div>
      </Form>
      <SiteLogo />
    </section>
  );
}

type Logo = { mime: 'image/png' | 'image/jpeg'; contentBase64: string } | null;
/** The maximum the store accepts (500 kB), said before sending a larger file. */
const LOGO_MAX = 512_000;

/** The logo printed above the postal block of letters: a PNG or JPEG of 500 kB at most. */
function SiteLogo() {
  const { t } = useTranslation();
  const [logo, setLogo] = useState<Logo | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void must('admin:getSite', {}).then(
      (s) => setLogo(s.logo),
      (e: unknown) => setError(errorText(e)),
    );
  }, []);
  if (logo === undefined) return null;

  async function send(next: Logo, done: string) {
    setBusy(true);
    setNotice(null);
    setError(null);
    try {
      const s = await must('admin:setLogo', { logo: next });
      setLogo(s.logo);
      setNotice(done);
      if (fileRef.current) fileRef.current.value = '';
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
      // The outcome (an alert or a status, announced) holds the focus: the keyboard goes on from it.
      statusRef.current?.focus();
    }
  }
  async function upload(e: FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError(t('settings.logo.choose'));
      statusRef.current?.focus();
      return;
    }
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
      setError(t('settings.logo.badType'));
      statusRef.current?.focus();
      return;
    }
    if (file.size > LOGO_MAX) {
      setError(t('settings.logo.tooBig', { size: Math.ceil(file.size / 1000) }));
      statusRef.current?.focus();
      return;
    }
    await send({ mime: file.type, contentBase64: await fileToBase64(file) }, t('settings.logo.saved'));
  }

  return (
    <section aria-labelledby="logo-title" className="site-logo">
      <h3 id="logo-title">{t('settings.logo.title')}</h3>
      <p className="muted">{t('settings.logo.help')}</p>
      <div ref={statusRef} tabIndex={-1} id="logo-outcome" className="outcome">
        {notice && <Alert kind="success">{notice}</Alert>}
        {error && <Alert kind="error">{error}</Alert>}
      </div>
      {logo ? (
        <figure className="logo-preview">
          <img src={`data:${logo.mime};base64,${logo.contentBase64}`} alt={t('settings.logo.alt')} />
          <figcaption className="muted">{t('settings.logo.current')}</figcaption>
        </figure>
      ) : (
        <p>{t('settings.logo.none')}</p>
      )}
      <form onSubmit={(e) => void upload(e)}>
        <div className="field">
          <label htmlFor="logo-file">{t('settings.logo.file')}</label>
          <input id="logo-file" ref={fileRef} type="file" accept="image/png,image/jpeg" aria-describedby="logo-file-hint" />
          <span id="logo-file-hint" className="hint">
            {t('settings.logo.fileHint')}
          </span>
        </div>
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={busy}>
            {t('settings.logo.save')}
          </Button>
          {logo && (
            <Button variant="secondary" isDisabled={busy} onPress={() => void send(null, t('settings.logo.removed'))}>
              {t('settings.logo.remove')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
