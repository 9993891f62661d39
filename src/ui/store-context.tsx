import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AdvisorState } from '../state/advisor-store';
import type { PageStores } from '../state/app-stores';
import type { AppUpdateState } from '../state/app-update-store';
import type { CatalogState } from '../state/catalog-store';
import type { EngineState } from '../state/engine-store';
import type { NetworkLedgerStore } from '../state/network-ledger-store';
import type { PersonStoreState } from '../state/person-store';
import type { PrivacyState } from '../state/privacy-store';

const StoresContext = createContext<PageStores | null>(null);

/** Hands the stores (created in main.tsx) to the components below. */
export function StoresProvider({ stores, children }: { stores: PageStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

function useStores(): PageStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('The app stores need a <StoresProvider> above them (see src/main.tsx).');
  return stores;
}

/** Reads a slice of the engine state; the component re-renders when that slice changes. */
export function useEngine<T>(selector: (state: EngineState) => T): T {
  return useStore(useStores().engine, selector);
}

export function useCatalog<T>(selector: (state: CatalogState) => T): T {
  return useStore(useStores().catalog, selector);
}

export function usePerson<T>(selector: (state: PersonStoreState) => T): T {
  return useStore(useStores().person, selector);
}

export function useAdvisor<T>(selector: (state: AdvisorState) => T): T {
  return useStore(useStores().advisor, selector);
}

export function usePrivacy<T>(selector: (state: PrivacyState) => T): T {
  return useStore(useStores().privacy, selector);
}

/** The network ledger's store, for the component that shows it. */
export function useLedgerStore(): NetworkLedgerStore {
  return useStores().ledger;
}

export function useAppUpdate<T>(selector: (state: AppUpdateState) => T): T {
  return useStore(useStores().update, selector);
}
