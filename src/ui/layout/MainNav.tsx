import { Link, useLocation } from 'wouter';

const NAV_ITEMS = [
  { href: '/for-you', label: 'For you' },
  { href: '/browse', label: 'Browse' },
  { href: '/profile', label: 'Profile' },
  { href: '/model', label: 'Model' },
  { href: '/privacy', label: 'Privacy' },
] as const;

/** The main navigation; the current page's link is marked with aria-current. */
export function MainNav() {
  const [location] = useLocation();
  return (
    <nav className="main-nav" aria-label="Main">
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={location === item.href ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
