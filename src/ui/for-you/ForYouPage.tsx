import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useShallow } from 'zustand/react/shallow';
import { findProduct } from '../../state/catalog-store';
import { CatalogNotice } from '../common/CatalogNotice';
import { PageHeading } from '../common/PageHeading';
import { ProfileSaveError } from '../profile/ProfileSaveError';
import { RiskResult } from '../profile/RiskResult';
import { useCatalog, useEngine, usePerson } from '../store-context';
import { ForYouContent } from './ForYouContent';

/** For you: the person's risk result, their recommendations (or why there are none yet), and the map. */
export function ForYouPage() {
  const { t } = useTranslation();
  const { profile, restored } = usePerson(useShallow((state) => ({ profile: state.profile, restored: state.restored })));
  const engineStatus = useEngine((state) => state.status);
  const catalog = useCatalog((state) => state.catalog);
  const productOf = (productId: string) => findProduct(catalog, productId);
  const nameOf = (productId: string) => productOf(productId)?.name ?? productId;

  return (
    <div className="page">
      <PageHeading>{t('forYou.page.heading')}</PageHeading>
      <ProfileSaveError />
      {profile && (
        <>
          <RiskResult profile={profile} />
          <p className="change-answers">
            <Link href="/profile">{t('forYou.page.changeAnswers')}</Link>
          </p>
        </>
      )}
      <ForYouContent profile={profile} restored={restored} engineStatus={engineStatus} productOf={productOf} nameOf={nameOf} />
      <CatalogNotice />
      <p className="hint">{t('common.productTextNote')}</p>
    </div>
  );
}
