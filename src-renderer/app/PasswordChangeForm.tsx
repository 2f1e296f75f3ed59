import { useState, type FormEvent, type ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../src-main/modules';
import { must } from '../api';
import { Alert, Button, TextInput } from '../ui/components';
import { errorText, fieldOf } from './errors';

/** Current password, new one twice: used at first login and from "Mon compte". */
export function PasswordChangeForm({
  currentLabel,
  submitLabel,
  onChanged,
  extraAction,
  autoFocus = false,
}: {
  currentLabel: string;
  submitLabel: string;
  onChanged: (s: SessionInfo) => void;
  extraAction?: ReactNode;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== confirm) return setErrors({ confirm: t('password.mismatch') });
    setBusy(true);
    setErrors({});
    try {
      const s = await must('auth:changePassword', { current, next });
      setCurrent('');
      setNext('');
      setConfirm('');
      onChanged(s);
    } catch (err) {
      setErrors({ [fieldOf(err) ?? 'general']: errorText(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {errors.general && <Alert kind="error">{errors.general}</Alert>}
      <Form onSubmit={submit} validationBehavior="aria" className="narrow">
        <TextInput label={currentLabel} name="current" type="password" value={current} onChange={setCurrent} isRequired autoComplete="current-password" error={errors.current} autoFocus={autoFocus} />
        <TextInput label={t('password.new')} name="next" type="password" value={next} onChange={setNext} isRequired autoComplete="new-password" description={t('password.policy')} error={errors.next} />
        <TextInput label={t('password.confirm')} name="confirm" type="password" value={confirm} onChange={setConfirm} isRequired autoComplete="new-password" error={errors.confirm} />
        <div className="actions">
          {extraAction}
          <Button type="submit" variant="primary" isDisabled={busy}>
            {submitLabel}
          </Button>
        </div>
      </Form>
    </>
  );
}
