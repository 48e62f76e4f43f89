import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useAllCredentials, useProviders, type Credential, type Provider } from 'pipeline-connect';

/*
 * PROTOTYPE of a fix, bench only (see bench/README.md, "The prototype fix"): one query
 * subscription per canvas instead of three per node, and a canvas that waits briefly for the
 * credential state before it mounts. Each node reads its provider's slice from this store; a
 * slice keeps its identity while its provider's data is unchanged (TanStack Query's structural
 * sharing keeps unchanged credential objects identical), so a change still re-renders only that
 * provider's nodes.
 */

type Status = 'pending' | 'error' | 'success';

export interface ProviderSlice {
  provider: Provider | null | undefined;
  providerStatus: Status;
  credentials: Credential[] | undefined;
  credentialsStatus: Status;
}

interface SliceStore {
  get(providerId: string): ProviderSlice;
  subscribe(listener: () => void): () => void;
  update(input: Omit<ProviderSlice, 'provider' | 'credentials'> & Inputs): void;
}

interface Inputs {
  providers: Provider[] | undefined;
  allCredentials: Credential[] | undefined;
}

const sameItems = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((item, i) => item === b[i]));

function sameSlice(a: ProviderSlice, b: ProviderSlice): boolean {
  return (
    a.provider === b.provider &&
    a.providerStatus === b.providerStatus &&
    a.credentialsStatus === b.credentialsStatus &&
    sameItems(a.credentials, b.credentials)
  );
}

function createSliceStore(): SliceStore {
  let inputs: Omit<ProviderSlice, 'provider' | 'credentials'> & Inputs = {
    providerStatus: 'pending',
    credentialsStatus: 'pending',
    providers: undefined,
    allCredentials: undefined,
  };
  const slices = new Map<string, ProviderSlice>();
  const listeners = new Set<() => void>();
  const compute = (providerId: string): ProviderSlice => ({
    provider: inputs.providers
      ? (inputs.providers.find((p) => p.id === providerId) ?? null)
      : undefined,
    providerStatus: inputs.providerStatus,
    credentials: inputs.allCredentials?.filter((c) => c.providerId === providerId),
    credentialsStatus: inputs.credentialsStatus,
  });
  return {
    get(providerId) {
      let slice = slices.get(providerId);
      if (!slice) {
        slice = compute(providerId);
        slices.set(providerId, slice);
      }
      return slice;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(next) {
      inputs = next;
      for (const [providerId, previous] of slices) {
        const slice = compute(providerId);
        if (!sameSlice(previous, slice)) slices.set(providerId, slice);
      }
      listeners.forEach((listener) => listener());
    },
  };
}

const SliceContext = createContext<SliceStore | null>(null);

/**
 * How long the canvas waits for the credential state before it shows nodes still loading: a
 * fast backend answers well within it, so nodes render once, with their state, instead of
 * rendering twice ("Loading…", then the state) and being measured twice by React Flow.
 */
const WAIT_FOR_STATE_MS = 300;

/** Subscribes once to the two shared queries and feeds every node below. */
export function ProviderSlicesProvider({ children }: { children?: ReactNode }) {
  const [store] = useState(createSliceStore);
  const providers = useProviders();
  const credentials = useAllCredentials();
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), WAIT_FOR_STATE_MS);
    return () => clearTimeout(timer);
  }, []);
  const ready = waited || (!providers.isPending && !credentials.isPending);
  useLayoutEffect(() => {
    store.update({
      providers: providers.data,
      providerStatus: providers.status,
      allCredentials: credentials.data,
      credentialsStatus: credentials.status,
    });
  }, [store, providers.data, providers.status, credentials.data, credentials.status]);
  return <SliceContext.Provider value={store}>{ready ? children : null}</SliceContext.Provider>;
}

export function useProviderSlice(providerId: string): ProviderSlice {
  const store = useContext(SliceContext);
  if (!store) throw new Error('useProviderSlice needs ProviderSlicesProvider');
  const get = () => store.get(providerId);
  return useSyncExternalStore(store.subscribe, get, get);
}
