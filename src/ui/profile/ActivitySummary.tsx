import { useShallow } from 'zustand/react/shallow';
import { ProductLink } from '../common/ProductLink';
import { useCatalog, usePerson } from '../store-context';

/** The products the person saved, compared and applied for (simulated), as links. */
export function ActivitySummary() {
  const { favourites, compared, applied, dismissed } = usePerson(
    useShallow((state) => ({
      favourites: state.person.favourites,
      compared: state.person.compared,
      applied: state.person.applied,
      dismissed: state.person.dismissed.length,
    })),
  );
  const products = useCatalog((state) => state.catalog?.products);
  const nameOf = (id: string) => products?.find((product) => product.id === id)?.name ?? id;
  const lists = [
    { title: 'Favourites', ids: favourites },
    { title: 'In your comparison', ids: compared },
    { title: 'Applied for (simulated)', ids: applied },
  ];

  return (
    <section className="panel" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Your activity on this device</h2>
      {lists.map((list) => (
        <div key={list.title} className="activity-list">
          <h3>{list.title}</h3>
          {list.ids.length === 0 ? (
            <p className="hint">None yet.</p>
          ) : (
            <ul>
              {list.ids.map((id) => (
                <li key={id}>
                  <ProductLink productId={id}>{nameOf(id)}</ProductLink>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <p className="hint">
        {dismissed === 0
          ? 'You have not marked any product as not interested.'
          : `${dismissed} ${dismissed === 1 ? 'product is' : 'products are'} marked as not interested and never recommended.`}
      </p>
    </section>
  );
}
