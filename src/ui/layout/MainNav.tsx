import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';

const NAV_ITEMS = [
  { href: '/for-you', label: 'forYou' },
  { href: '/browse', label: 'browse' },
  { href: '/profile', label: 'profile' },
  { href: '/model', label: 'model' },
  { href: '/privacy', label: 'privacy' },
  { href: '/advisor', label: 'advisor' },
] as const;

/** The main navigation; the current page's link is marked with aria-current. */
export function MainNav() {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <nav className="main-nav" aria-label={t('layout.nav.label')}>
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={location === item.href ? 'page' : undefined}>
              {t(`layout.nav.${item.label}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
