import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { BrowsePage } from './browse/BrowsePage';
import { ForYouPage } from './for-you/ForYouPage';
import { HomeRoute } from './HomeRoute';
import { AppHeader } from './layout/AppHeader';
import { FocusOnNavigate } from './layout/FocusOnNavigate';
import { RouteErrorBoundary } from './layout/RouteErrorBoundary';
import { SkipLink } from './layout/SkipLink';
import { ModelPage } from './model/ModelPage';
import { NotFoundPage } from './NotFoundPage';
import { ProductPage } from './product/ProductPage';
import { ProfilePage } from './profile/ProfilePage';

/**
 * Routes live in the hash (`#/browse`), so the static offline build needs no server rewrites and the
 * server only ever sees requests for files.
 */
export function App() {
  return (
    <Router hook={useHashLocation}>
      <SkipLink />
      <AppHeader />
      <main id="main" tabIndex={-1}>
        <RouteErrorBoundary>
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
            <Route>
              <NotFoundPage />
            </Route>
          </Switch>
        </RouteErrorBoundary>
      </main>
      <FocusOnNavigate />
    </Router>
  );
}
