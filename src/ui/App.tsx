import { ModelPanel } from './ModelPanel';
import { SimilarityDemo } from './SimilarityDemo';

export function App() {
  return (
    <>
      <header className="page-header">
        <h1>Private finance recommender</h1>
        <p className="privacy-statement">Everything is computed on this device; nothing you type leaves it.</p>
      </header>
      <main>
        <ModelPanel />
        <SimilarityDemo />
      </main>
    </>
  );
}
