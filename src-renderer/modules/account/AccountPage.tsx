import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../src-main/api/contract';
import { must } from '../../api';
import { errorText, fieldOf } from '../../app/errors';
import { Alert, Button, PageHeader, TextInput } from '../../ui/components';

/** Everyone's own account: who they are for Passeur, and changing their password. */
export function AccountPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    if (next !== confirm) return setErrors({ confirm: t('password.mismatch') });
    setErrors({});
    try {
      await must('auth:changePassword', { current, next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setNotice(t('account.changed'));
    } catch (err) {
      setErrors({ [fieldOf(err) ?? 'general']: errorText(err) });
    }
  }

  return (
    <>
      <PageHeader title={t('nav.account')} />
      <dl className="facts">
        <dt>{t('fields.displayName')}</dt>
        <dd>{session.user.displayName}</dd>
        <dt>{t('fields.login')}</dt>
        <dd>{session.user.login}</dd>
        <dt>{t('fields.roles')}</dt>
        <dd>{session.user.roles.map((r) => t(`roles.${r}`)).join(', ')}</dd>
      </dl>
      <h2>{t('account.changeTitle')}</h2>
      {notice && <Alert kind="success">{notice}</Alert>}
      {errors.general && <Alert kind="error">{errors.general}</Alert>}
      <Form onSubmit={submit} validationBehavior="aria" className="narrow">
        <TextInput label={t('account.current')} name="current" type="password" value={current} onChange={setCurrent} isRequired autoComplete="current-password" error={errors.current} />
        <TextInput label={t('password.new')} name="next" type="password" value={next} onChange={setNext} isRequired autoComplete="new-password" description={t('password.policy')} error={errors.next} />
        <TextInput label={t('password.confirm')} name="confirm" type="password" value={confirm} onChange={setConfirm} isRequired autoComplete="new-password" error={errors.confirm} />
        <div className="actions">
          <Button type="submit" variant="primary">
            {t('account.submit')}
          </Button>
        </div>
      </Form>
    </>
  );
}
