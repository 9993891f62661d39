import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { BrowsePage } from './browse/BrowsePage';
import { ForYouPage } from './for-you/ForYouPage';
import { HomeRoute } from './HomeRoute';
import { AdvisorPage } from './advisor/AdvisorPage';
import { AppHeader } from './layout/AppHeader';
import { FocusOnNavigate } from './layout/FocusOnNavigate';
import { RouteErrorBoundary } from './layout/RouteErrorBoundary';
import { SkipLink } from './layout/SkipLink';
import { ModelPage } from './model/ModelPage';
import { NotFoundPage } from './NotFoundPage';
import { PrivacyPage } from './privacy/PrivacyPage';
import { UnlockPage } from './privacy/UnlockPage';
import { ProductPage } from './product/ProductPage';
import { ProfilePage } from './profile/ProfilePage';
import { usePerson } from './store-context';

/**
 * Routes live in the hash (`#/browse`), so the static offline build needs no server rewrites and the
 * server only ever sees requests for files. While the person's data is locked with a passphrase,
 * every page asks for it first.
 */
export function App() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const locked = usePerson((state) => state.locked);
  // The tab's title follows the language too (index.html holds the English one until this runs).
  useEffect(() => {
    document.title = t('layout.appName');
  }, [t, language]);
  return (
    <Router hook={useHashLocation}>
      <SkipLink />
      <AppHeader />
      <main id="main" tabIndex={-1}>
        <RouteErrorBoundary>
          {locked ? <UnlockPage /> : <AppRoutes />}
        </RouteErrorBoundary>
      </main>
      <FocusOnNavigate />
    </Router>
  );
}

/** The pages, by hash route. */
function AppRoutes() {
  return (
    <Switch>
      <Route path="/">
        <HomeRoute />
      </Route>
      <Route path="/for-you">
        <ForYouPage />
      </Route>
      <Route path="/browse">
        <BrowsePage />
      </Route>
      <Route path="/product/:id">
        {(params) => <ProductPage key={params.id} productId={params.id} />}
      </Route>
      <Route path="/profile">
        <ProfilePage />
      </Route>
      <Route path="/model">
        <ModelPage />
      </Route>
      <Route path="/privacy">
        <PrivacyPage />
      </Route>
      <Route path="/advisor">
        <AdvisorPage />
      </Route>
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}
