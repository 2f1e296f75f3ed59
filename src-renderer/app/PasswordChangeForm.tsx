import { useState, type FormEvent, type ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../src-main/modules';
import { must } from '../api';
import { Button, ErrorSummary, TextInput } from '../ui/components';
import { useFormErrors } from './errors';

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
  const form = useFormErrors(['current', 'next', 'confirm']);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Every problem at once, each beside its field.
    const problems: Record<string, string> = {};
    if (!current) problems.current = t('a11y.requiredField', { label: currentLabel });
    if (!next) problems.next = t('a11y.requiredField', { label: t('password.new') });
    if (next !== confirm) problems.confirm = t('password.mismatch');
    if (!form.check(problems)) return;
    setBusy(true);
    form.clear();
    try {
      const s = await must('auth:changePassword', { current, next });
      setCurrent('');
      setNext('');
      setConfirm('');
      onChanged(s);
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Form onSubmit={submit} validationBehavior="aria" className="narrow">
        <TextInput label={currentLabel} name="current" type="password" value={current} onChange={setCurrent} isRequired autoComplete="current-password" error={form.of('current')} autoFocus={autoFocus} />
        <TextInput label={t('password.new')} name="next" type="password" value={next} onChange={setNext} isRequired autoComplete="new-password" description={t('password.policy')} error={form.of('next')} />
        <TextInput label={t('password.confirm')} name="confirm" type="password" value={confirm} onChange={setConfirm} isRequired autoComplete="new-password" error={form.of('confirm')} />
        <ErrorSummary errors={form.errors} />
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
