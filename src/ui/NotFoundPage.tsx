import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PageHeading } from './common/PageHeading';

/** Any address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeading>{t('errors.notFound.heading')}</PageHeading>
      <p>{t('errors.notFound.text')}</p>
      <p>
        <Link href="/">{t('errors.notFound.home')}</Link>
      </p>
    </div>
  );
}
