import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { EngineStatus } from './EngineStatus';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MainNav } from './MainNav';
import { PersonaBanner } from './PersonaBanner';
import { UpdateBanner } from './UpdateBanner';

/** The banner on every page: the app's name, the privacy promise, navigation, whose data is shown and model status. */
export function AppHeader() {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="brand-row">
        <Link href="/" className="brand">
          {t('layout.appName')}
        </Link>
        <LanguageSwitcher />
        <p className="privacy-statement">{t('layout.privacyStatement')}</p>
      </div>
      <MainNav />
      <PersonaBanner />
      <UpdateBanner />
      <EngineStatus />
    </header>
  );
}
