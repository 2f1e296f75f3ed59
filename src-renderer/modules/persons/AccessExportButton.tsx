/** A person's right of access (DOMAIN §3): everything the service holds about them, as a PDF to hand over. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Button } from '../../ui/components';
import { saveFile } from '../../ui/format';

export function AccessExportButton({ personId, name }: { personId: number; name: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  return (
    <>
      <Button
        variant="quiet"
        aria-label={t('persons.accessExportFor', { name })}
        onPress={async () => {
          try {
            saveFile(await must('persons:export', { id: personId, format: 'pdf' }));
            setState({ kind: 'done', text: t('persons.accessExported', { name }) });
          } catch (e) {
            setState({ kind: 'error', text: errorText(e) });
          }
        }}
      >
        {t('persons.accessExport')}
      </Button>
      {state && (
        <span role="status" className={state.kind === 'error' ? 'warning-text' : 'muted'}>
          {' '}
          {state.text}
        </span>
      )}
    </>
  );
}
