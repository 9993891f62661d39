import { Link } from 'wouter';
import { EngineStatus } from './EngineStatus';
import { MainNav } from './MainNav';
import { UpdateBanner } from './UpdateBanner';

/** The banner on every page: the app's name, the privacy promise, navigation and model status. */
export function AppHeader() {
  return (
    <header className="app-header">
      <div className="brand-row">
        <Link href="/" className="brand">
          Private finance recommender
        </Link>
        <p className="privacy-statement">Everything is computed on this device; nothing you type leaves it.</p>
      </div>
      <MainNav />
      <UpdateBanner />
      <EngineStatus />
    </header>
  );
}
