import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EngineState, EngineStore } from '../state/engine-store';

const EngineStoreContext = createContext<EngineStore | null>(null);

/** Hands the engine store (created in main.tsx) to the components below. */
export function EngineStoreProvider({ store, children }: { store: EngineStore; children: ReactNode }) {
  return <EngineStoreContext.Provider value={store}>{children}</EngineStoreContext.Provider>;
}

/** Reads a slice of the engine state; the component re-renders when that slice changes. */
export function useEngine<T>(selector: (state: EngineState) => T): T {
  const store = useContext(EngineStoreContext);
  if (!store) throw new Error('useEngine() needs an <EngineStoreProvider> above it (see src/main.tsx).');
  return useStore(store, selector);
}
