import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, CheckboxList } from '../ui/components';

/** A recovery code shown once (site creation, renewal): the code, to print; the way on opens
 *  only once the person says it is kept. */
export function RecoveryCodeSheet({ code, doneLabel, onDone }: { code: string; doneLabel: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [kept, setKept] = useState<string[]>([]);
  return (
    <>
      <p className="recovery-code" data-testid="recovery-code">
        {code}
      </p>
      <Alert kind="info">{t('setup.recoveryOnce')}</Alert>
      <CheckboxList label={t('setup.recoveryConfirmLabel')} options={[{ value: 'kept', label: t('setup.recoveryKept') }]} value={kept} onChange={setKept} />
      <div className="actions">
        <Button variant="secondary" onPress={() => window.print()}>
          {t('setup.print')}
        </Button>
        <Button variant="primary" isDisabled={!kept.includes('kept')} onPress={onDone}>
          {doneLabel}
        </Button>
      </div>
    </>
  );
}
