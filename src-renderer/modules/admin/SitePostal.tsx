/**
 * The site's postal block (DOMAIN §4.4): service name, address lines, postcode, city and
 * phone, printed at the head of every decision letter. Set by the administrator.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { errorText, fieldOf } from '../../app/errors';
import { Alert, Button, TextAreaInput, TextInput } from '../../ui/components';

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
    if (lines.length > 3) return setError({ message: t('settings.site.tooManyLines'), field: 'addressLines' });
    if (!/^(\d{5})?$/.test(draft!.postcode.trim())) return setError({ message: t('settings.site.postcodeInvalid'), field: 'postcode' });
    try {
      const s = await must('admin:saveSite', { serviceName: draft!.serviceName, addressLines: lines, postcode: draft!.postcode.trim(), city: draft!.city, phone: draft!.phone });
      setDraft({ serviceName: s.serviceName, address: s.addressLines.join('\n'), postcode: s.postcode, city: s.city, phone: s.phone });
      setError(null);
      setNotice(t('settings.site.saved'));
    } catch (err) {
      setError({ message: errorText(err), field: fieldOf(err) });
    }
  }
  const fieldError = (f: string) => (error?.field?.startsWith(f) ? error.message : undefined);

  return (
    <section aria-labelledby="site-title" className="panel narrow-wide">
      <h2 id="site-title">{t('settings.site.title')}</h2>
      <p className="muted">{t('settings.site.help', { site: siteName })}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert kind="error">{error.message}</Alert>}
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <TextInput label={t('settings.site.serviceName')} name="serviceName" value={draft.serviceName} onChange={(v) => set({ serviceName: v })} description={t('settings.site.serviceNameHelp')} error={fieldError('serviceName')} />
        <TextAreaInput label={t('settings.site.address')} name="addressLines" value={draft.address} onChange={(v) => set({ address: v })} rows={3} description={t('settings.site.addressHelp')} error={fieldError('addressLines')} />
        <div className="grid-2">
          <TextInput label={t('settings.site.postcode')} name="postcode" value={draft.postcode} onChange={(v) => set({ postcode: v })} error={fieldError('postcode')} />
          <TextInput label={t('settings.site.city')} name="city" value={draft.city} onChange={(v) => set({ city: v })} error={fieldError('city')} />
          <TextInput label={t('settings.site.phone')} name="phone" type="tel" value={draft.phone} onChange={(v) => set({ phone: v })} error={fieldError('phone')} />
        </div>
        <div className="actions">
          <Button type="submit" variant="primary">
            {t('settings.site.save')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
