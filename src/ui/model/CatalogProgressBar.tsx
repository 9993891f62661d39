import type { CatalogEncoding, EngineStatus } from '../../state/engine-store';
import { ProgressBar } from '../common/ProgressBar';
import { percentOf } from '../format';

/**
 * Progress of encoding the catalog's descriptions on this device. When the engine is ready without
 * having reported any encoding, a cached encoding from an earlier visit was used.
 */
export function CatalogProgressBar({
  encoding,
  status,
  testId,
}: {
  encoding: CatalogEncoding | null;
  status: EngineStatus;
  testId?: string;
}) {
  const done = status === 'ready';
  const percent = done ? 100 : encoding ? percentOf(encoding.encoded, encoding.total) : 0;
  const caption = captionFor(encoding, done);
  const numbers = encoding ? `${done ? encoding.total : encoding.encoded} of ${encoding.total} products` : '';

  return <ProgressBar label="Catalog encoding" percent={percent} caption={caption} numbers={numbers} testId={testId} />;
}

function captionFor(encoding: CatalogEncoding | null, done: boolean): string {
  if (done) return encoding ? 'Catalog encoded' : 'Catalog encoding reused from this device';
  return encoding ? 'Encoding the catalog' : 'Catalog encoding waits for the model';
}
