import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((l: Language) => (
        <button key={l} type="button" className="lang-button" aria-pressed={i18n.language === l} onClick={() => setLanguage(l)} lang={l}>
          {t(`language.${l}`)}
        </button>
      ))}
    </div>
  );
}
