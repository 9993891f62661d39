import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStores } from '../state/app-stores';
import type { CatalogState } from '../state/catalog-store';
import type { EngineState } from '../state/engine-store';
import type { PersonStoreState } from '../state/person-store';

const StoresContext = createContext<AppStores | null>(null);

/** Hands the stores (created in main.tsx) to the components below. */
export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

function useStores(): AppStores {
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
