// The names detail pages give their breadcrumb: the item's name, or another parent list.
import { createContext, useContext, useEffect, useState } from 'react';
import type { Crumb } from './breadcrumb-trails';

export type CrumbStore = {
  get: (key: string) => Crumb | string | undefined;
  set: (key: string, value: Crumb | string) => void;
  subscribe: (listener: () => void) => () => void;
  version: () => number;
};

// A store rather than state: a page naming itself re-renders the breadcrumb, not the whole layout.
function createCrumbStore(): CrumbStore {
  const names = new Map<string, Crumb | string>();
  const listeners = new Set<() => void>();
  let version = 0;
  return {
    get: (key) => names.get(key),
    set: (key, value) => {
      const old = names.get(key);
      if (old === value || (typeof old === 'object' && typeof value === 'object' && old.label === value.label && old.to === value.to)) return;
      names.set(key, value);
      version += 1;
      for (const l of listeners) l();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
  };
}

const CrumbContext = createContext<CrumbStore | null>(null);

export function CrumbProvider({ children }: { children: React.ReactNode }) {
  const [store] = useState(createCrumbStore);
  return <CrumbContext.Provider value={store}>{children}</CrumbContext.Provider>;
}

export function useCrumbStore(): CrumbStore | null {
  return useContext(CrumbContext);
}

/**
 * A detail page names its item for the breadcrumb (kind as in breadcrumb-trails.ts, id the route
 * parameter); a Crumb with a link replaces the step's link too (a tour's parent list).
 */
export function useCrumbName(kind: string, id: string, value: Crumb | string | undefined) {
  const store = useContext(CrumbContext);
  const label = typeof value === 'string' ? value : value?.label;
  const to = typeof value === 'string' ? undefined : value?.to;
  useEffect(() => {
    if (store && label) store.set(`${kind}:${id}`, to === undefined ? label : { label, to });
  }, [store, kind, id, label, to]);
}
