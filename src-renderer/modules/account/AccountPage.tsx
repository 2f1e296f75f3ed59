import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../src-main/modules';
import { PasswordChangeForm } from '../../app/PasswordChangeForm';
import { Alert, PageHeader } from '../../ui/components';

/** Everyone's own account: who they are for Passeur, and changing their password. */
export function AccountPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
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
      <PasswordChangeForm currentLabel={t('account.current')} submitLabel={t('account.submit')} onChanged={() => setNotice(t('account.changed'))} />
    </>
  );
}
