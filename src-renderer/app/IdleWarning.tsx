import { useTranslation } from 'react-i18next';
import { Button as AriaButton } from 'react-aria-components';
import { DialogBox } from '../ui/components';

/**
 * The last minute before the idle lock (RGAA 13.1): says so, counts down, and offers to
 * stay connected. The dialog takes the focus, so « Rester connecté » is one key away.
 */
export function IdleWarning({ seconds, onStay, onLock }: { seconds: number; onStay: () => void; onLock: () => void }) {
  const { t } = useTranslation();
  return (
    <DialogBox title={t('a11y.idleTitle')} isOpen onClose={onStay} role="alertdialog">
      <p>{t('a11y.idleText', { seconds })}</p>
      <div className="actions">
        <AriaButton className="btn btn-secondary" onPress={onLock}>
          {t('a11y.lockNow')}
        </AriaButton>
        <AriaButton className="btn btn-primary" onPress={onStay} autoFocus>
          {t('a11y.stay')}
        </AriaButton>
      </div>
    </DialogBox>
  );
}
