import type { MockStore } from 'pipeline-connect/mocks';

/** The mock scenario the demo runs under, and the way back to the plain demo. */
export interface ActiveScenario {
  name: string;
  /** Drops `?scenario=` (and a data scenario's dataset) and reloads. */
  backToNormal: () => void;
}

/** The dataset the plain demo starts from (`startMockBackend` seeds an empty store with it). */
const normalSeed = 'empty';

/**
 * Which scenario is in effect. A behaviour scenario (`outage`, `slow`…) lasts while `?scenario=`
 * is in the URL, but a data scenario (`mixed`) seeds the shared store, and that dataset stays
 * after the parameter is gone — which used to look like the plain demo. So the dataset the store
 * started from counts too: the banner names it, and Back to normal restores the plain dataset.
 */
export function findActiveScenario(
  requested: string | undefined,
  store: MockStore,
  storeKey: string,
): ActiveScenario | undefined {
  const seed = storedSeed(storeKey);
  const name = requested ?? (seed && seed !== normalSeed ? seed : undefined);
  if (!name) return undefined;
  return {
    name,
    backToNormal: () => {
      if (seed !== normalSeed) store.reset(normalSeed);
      const url = new URL(window.location.href);
      url.searchParams.delete('scenario');
      window.location.replace(url);
    },
  };
}

/**
 * The store's `seed`, read from its saved state: `MockStore` has no getter for it, and this is
 * only read, never written.
 */
function storedSeed(storeKey: string): string | undefined {
  try {
    const state: unknown = JSON.parse(localStorage.getItem(storeKey) ?? 'null');
    const seed = (state as { seed?: unknown } | null)?.seed;
    return typeof seed === 'string' ? seed : undefined;
  } catch {
    return undefined;
  }
}
