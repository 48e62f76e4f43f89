import { QueryObserver, type QueryClient, type QueryObserverResult } from '@tanstack/react-query';
import type { Credential, CredentialsBackend, Provider } from '../credentials/backend';
import { localizeProvider } from '../credentials/localize-provider';
import { credentialsQueryOptions, providersQueryOptions } from '../credentials/queries';

/** A query's status, as the connection state reads it. */
export type SliceStatus = 'pending' | 'error' | 'success';

/**
 * What every view of one provider reads: its catalog entry and its credentials, with the status
 * and error of each of the two shared queries. A slice keeps its identity while none of this
 * changes for its provider, so a view that selects it re-renders only for its own provider.
 */
export interface ProviderSlice {
  /** `undefined` while the catalog has not loaded, `null` when it loaded without the provider. */
  provider: Provider | null | undefined;
  providerStatus: SliceStatus;
  providerError: Error | null;
  /** The provider's credentials (`undefined` until the list has loaded). */
  credentials: Credential[] | undefined;
  credentialsStatus: SliceStatus;
  credentialsError: Error | null;
}

/**
 * One subscription to the catalog and credentials queries, published per provider. Views
 * subscribe to their provider's slice only; the store holds two query observers whatever the
 * number of views.
 */
export interface ConnectionStateStore {
  readonly client: QueryClient;
  readonly backend: CredentialsBackend;
  readonly locale: string;
  getSlice(providerId: string): ProviderSlice;
  /** Calls `listener` when `providerId`'s slice changes; the first subscriber starts the queries. */
  subscribe(providerId: string, listener: () => void): () => void;
  /** Keeps the queries subscribed (and fetching) without a view, e.g. for a canvas's lifetime. */
  retain(): () => void;
  /** Re-reads the queries' cached state; for a store nothing subscribes to, whose copy may lag. */
  refreshIfIdle(): void;
  /** Refetches whichever of the two queries failed. */
  refetchFailed(): void;
}

type Result<T> = QueryObserverResult<T, Error>;

// One empty list for every provider without credentials, so its slice keeps its identity.
const noCredentials: Credential[] = [];

const sameItems = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((item, i) => item === b[i]));

function sameSlice(a: ProviderSlice, b: ProviderSlice): boolean {
  return (
    a.provider === b.provider &&
    a.providerStatus === b.providerStatus &&
    a.providerError === b.providerError &&
    a.credentialsStatus === b.credentialsStatus &&
    a.credentialsError === b.credentialsError &&
    // Structural sharing keeps an unchanged credential the same object across refetches.
    sameItems(a.credentials, b.credentials)
  );
}

/**
 * `first` has settled and `second` is still on its first attempt (not failed yet, not paused
 * offline): worth holding `first` back for. A retrying or paused read does not hold anything.
 */
/** How long the first of the two reads to answer waits for the other before it shows. */
const HOLD_MS = 100;

function awaitingOther(first: Result<unknown>, second: Result<unknown>): boolean {
  return (
    first.status !== 'pending' &&
    second.status === 'pending' &&
    second.fetchStatus === 'fetching' &&
    second.failureCount === 0
  );
}

/** `build`'s index of a list, rebuilt only when the list itself (its identity) changes. */
function memoIndex<T, V>(build: (items: T[]) => Map<string, V>) {
  let from: T[] | undefined;
  let index = new Map<string, V>();
  return (items: T[]) => {
    if (items !== from) {
      from = items;
      index = build(items);
    }
    return index;
  };
}

/**
 * A store over `client`'s catalog and credentials queries for `backend`, in `locale`. It reads
 * the cache at once (a canvas that mounts over cached state renders it on the first pass) and
 * subscribes its two observers while anything subscribes to it.
 */
export function createConnectionStateStore(
  client: QueryClient,
  backend: CredentialsBackend,
  locale: string,
): ConnectionStateStore {
  const providersOptions = providersQueryOptions(backend);
  const credentialsOptions = credentialsQueryOptions(backend);
  const providersObserver = new QueryObserver(client, providersOptions);
  const credentialsObserver = new QueryObserver(client, credentialsOptions);
  let providers: Result<Provider[]> = providersObserver.getCurrentResult();
  let credentials: Result<Credential[]> = credentialsObserver.getCurrentResult();

  const catalog = memoIndex((list: Provider[]) => {
    return new Map(list.map((p) => [p.id, localizeProvider(p, locale)]));
  });
  const credentialsByProvider = memoIndex((list: Credential[]) => {
    const groups = new Map<string, Credential[]>();
    for (const credential of list) {
      const group = groups.get(credential.providerId);
      if (group) group.push(credential);
      else groups.set(credential.providerId, [credential]);
    }
    return groups;
  });

  const compute = (providerId: string): ProviderSlice => ({
    provider: providers.data ? (catalog(providers.data).get(providerId) ?? null) : undefined,
    providerStatus: providers.status,
    providerError: providers.error,
    credentials: credentials.data
      ? (credentialsByProvider(credentials.data).get(providerId) ?? noCredentials)
      : undefined,
    credentialsStatus: credentials.status,
    credentialsError: credentials.error,
  });

  const slices = new Map<string, ProviderSlice>();
  const listeners = new Map<string, Set<() => void>>();
  let holders = 0;
  let stopObserving: (() => void) | null = null;

  /** Recomputes the known slices; returns the providers whose slice changed. */
  const recompute = (): string[] => {
    const changed: string[] = [];
    for (const [providerId, previous] of slices) {
      const next = compute(providerId);
      if (!sameSlice(previous, next)) {
        slices.set(providerId, next);
        changed.push(providerId);
      }
    }
    return changed;
  };
  let holdTimer: ReturnType<typeof setTimeout> | null = null;
  const publish = () => {
    // While one of the two first reads is still on its first attempt, wait for it a little: a
    // canvas then re-renders its nodes once, with the whole state, instead of once per
    // response; a slow read still lets the other show after HOLD_MS.
    const awaiting = awaitingOther(providers, credentials) || awaitingOther(credentials, providers);
    if (awaiting && holdTimer === null) {
      holdTimer = setTimeout(notify, HOLD_MS);
      return;
    }
    if (awaiting) return;
    notify();
  };
  const notify = () => {
    if (holdTimer !== null) clearTimeout(holdTimer);
    holdTimer = null;
    for (const providerId of recompute()) {
      listeners.get(providerId)?.forEach((listener) => listener());
    }
  };

  const hold = () => {
    holders += 1;
    if (holders > 1) return;
    // Re-link to the cache's current queries (one may have been garbage-collected meanwhile).
    providersObserver.setOptions(providersOptions);
    credentialsObserver.setOptions(credentialsOptions);
    const offProviders = providersObserver.subscribe((result) => {
      providers = result;
      publish();
    });
    const offCredentials = credentialsObserver.subscribe((result) => {
      credentials = result;
      publish();
    });
    stopObserving = () => {
      offProviders();
      offCredentials();
    };
    providers = providersObserver.getCurrentResult();
    credentials = credentialsObserver.getCurrentResult();
    publish();
  };
  const release = () => {
    holders -= 1;
    if (holders > 0) return;
    stopObserving?.();
    stopObserving = null;
  };

  return {
    client,
    backend,
    locale,
    getSlice(providerId) {
      let slice = slices.get(providerId);
      if (!slice) {
        slice = compute(providerId);
        slices.set(providerId, slice);
      }
      return slice;
    },
    subscribe(providerId, listener) {
      let own = listeners.get(providerId);
      if (!own) {
        own = new Set();
        listeners.set(providerId, own);
      }
      own.add(listener);
      hold();
      return () => {
        own.delete(listener);
        release();
      };
    },
    retain() {
      hold();
      return release;
    },
    refreshIfIdle() {
      if (holders > 0) return;
      providers = providersObserver.getOptimisticResult(
        client.defaultQueryOptions(providersOptions),
      );
      credentials = credentialsObserver.getOptimisticResult(
        client.defaultQueryOptions(credentialsOptions),
      );
      recompute();
    },
    refetchFailed() {
      if (providers.status === 'error') void providersObserver.refetch();
      if (credentials.status === 'error') void credentialsObserver.refetch();
    },
  };
}

const sharedStores = new WeakMap<
  QueryClient,
  WeakMap<CredentialsBackend, Map<string, ConnectionStateStore>>
>();

/**
 * The store of every view outside a `ConnectionStateProvider` (a lone node, Settings, a host's
 * own canvas that does not add one): one per QueryClient, backend and locale, so those views
 * still share two observers rather than holding two each.
 */
export function sharedConnectionStateStore(
  client: QueryClient,
  backend: CredentialsBackend,
  locale: string,
): ConnectionStateStore {
  let byBackend = sharedStores.get(client);
  if (!byBackend) {
    byBackend = new WeakMap();
    sharedStores.set(client, byBackend);
  }
  let byLocale = byBackend.get(backend);
  if (!byLocale) {
    byLocale = new Map();
    byBackend.set(backend, byLocale);
  }
  let store = byLocale.get(locale);
  if (!store) {
    store = createConnectionStateStore(client, backend, locale);
    byLocale.set(locale, store);
  }
  return store;
}
