import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { ProductLink } from '../common/ProductLink';
import { useCatalog, usePerson } from '../store-context';

/** The products the person saved, compared and applied for (simulated), as links. */
export function ActivitySummary() {
  const { t } = useTranslation();
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
    { key: 'favourites', title: t('profile.activity.favourites'), ids: favourites },
    { key: 'compared', title: t('profile.activity.compared'), ids: compared },
    { key: 'applied', title: t('profile.activity.applied'), ids: applied },
  ];

  return (
    <section className="panel" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t('profile.activity.title')}</h2>
      {lists.map((list) => (
        <div key={list.key} className="activity-list">
          <h3>{list.title}</h3>
          {list.ids.length === 0 ? (
            <p className="hint">{t('profile.activity.empty')}</p>
          ) : (
            <ul>
              {list.ids.map((id) => (
                <li key={id}>
                  <ProductLink productId={id}>
                    <span lang="en">{nameOf(id)}</span>
                  </ProductLink>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <p className="hint">
        {dismissed === 0 ? t('profile.activity.noneDismissed') : t('profile.activity.dismissed', { count: dismissed })}
      </p>
    </section>
  );
}
