import { usePrivacy } from '../store-context';

const TEXT = {
  persisted: 'The browser keeps this data until you erase it, even when the disk runs low.',
  'best-effort': 'The browser may clear this data when the disk runs low. Ask it to keep the data:',
  unsupported: 'This browser does not say whether it keeps the data when the disk runs low.',
} as const;

/** Whether the browser keeps the data for good, with a way to ask for it. */
export function PersistenceNotice() {
  const persistence = usePrivacy((state) => state.persistence);
  const requestPersistence = usePrivacy((state) => state.requestPersistence);
  if (!persistence) return null;
  return (
    <section className="panel" aria-labelledby="persistence-heading">
      <h2 id="persistence-heading">Kept on this device</h2>
      <p data-testid="persistence-state" data-state={persistence}>
        {TEXT[persistence]}
      </p>
      {persistence === 'best-effort' && (
        <button type="button" className="button-secondary" onClick={() => void requestPersistence()}>
          Keep my data
        </button>
      )}
    </section>
  );
}
