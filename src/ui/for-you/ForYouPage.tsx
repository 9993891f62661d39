import { Link } from 'wouter';
import { useShallow } from 'zustand/react/shallow';
import { findProduct } from '../../state/catalog-store';
import { CatalogNotice } from '../common/CatalogNotice';
import { PageHeading } from '../common/PageHeading';
import { RiskResult } from '../profile/RiskResult';
import { useCatalog, useEngine, usePerson } from '../store-context';
import { ForYouContent } from './ForYouContent';
import { ForYouStatus, StartHereLink } from './ForYouStatus';

/** For you: the person's risk result, their recommendations (or why there are none yet), and the map. */
export function ForYouPage() {
  const { profile, restored } = usePerson(useShallow((state) => ({ profile: state.profile, restored: state.restored })));
  const engineStatus = useEngine((state) => state.status);
  const catalog = useCatalog((state) => state.catalog);
  const productOf = (productId: string) => findProduct(catalog, productId);
  const nameOf = (productId: string) => productOf(productId)?.name ?? productId;

  return (
    <div className="page">
      <PageHeading>For you</PageHeading>
      {profile ? (
        <>
          <RiskResult profile={profile} />
          <p className="change-answers">
            <Link href="/profile">Change your answers</Link>
          </p>
        </>
      ) : restored ? (
        <ForYouStatus>
          <p>
            Suggestions need to know a little about you first. <StartHereLink>Answer six questions</StartHereLink> (it
            takes a minute); your answers stay on this device.
          </p>
        </ForYouStatus>
      ) : (
        <ForYouStatus showProgress>
          <p>
            Looking for answers you saved on this device before. If this is your first visit,{' '}
            <StartHereLink>answer six questions</StartHereLink>.
          </p>
        </ForYouStatus>
      )}
      {profile && (
        <ForYouContent engineStatus={engineStatus} productOf={productOf} nameOf={nameOf} />
      )}
      <CatalogNotice />
    </div>
  );
}
