import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';

/** A pipeline node as the credential UI needs to know it: which credential it reads. */
export interface CredentialUsageNode {
  nodeId: string;
  label: string;
  providerId: string;
  /** `null` follows the provider's default credential. */
  credentialId: string | null;
}

/**
 * A tiny store of which pipeline nodes use which credentials. The canvas publishes its
 * data-source nodes here; the credential list reads it to say, before a delete, which nodes
 * would lose their credential — even when the list is shown outside the canvas (Settings).
 */
export interface CredentialUsageStore {
  publish(nodes: CredentialUsageNode[]): void;
  getSnapshot(): CredentialUsageNode[];
  subscribe(listener: () => void): () => void;
}

/** Creates an empty {@link CredentialUsageStore}. */
export function createCredentialUsageStore(): CredentialUsageStore {
  let nodes: CredentialUsageNode[] = [];
  const listeners = new Set<() => void>();
  return {
    publish(next) {
      nodes = next;
      listeners.forEach((listener) => listener());
    },
    getSnapshot: () => nodes,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const fallbackStore = createCredentialUsageStore();
const CredentialUsageContext = createContext<CredentialUsageStore>(fallbackStore);

/** Props of {@link CredentialUsageProvider}. */
export interface CredentialUsageProviderProps {
  store: CredentialUsageStore;
  children?: ReactNode;
}

/** Shares one usage store between the canvas and every credential list below it. */
export function CredentialUsageProvider({ store, children }: CredentialUsageProviderProps) {
  return (
    <CredentialUsageContext.Provider value={store}>{children}</CredentialUsageContext.Provider>
  );
}

/** The usage store of the nearest provider. */
export function useCredentialUsageStore(): CredentialUsageStore {
  return useContext(CredentialUsageContext);
}

/**
 * The nodes that use a credential: those pointing at it, and, when it is the provider's
 * default, those following the default.
 */
export function useNodesUsingCredential(credential: {
  id: string;
  providerId: string;
  isDefault: boolean;
}): CredentialUsageNode[] {
  const store = useCredentialUsageStore();
  const nodes = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return useMemo(
    () =>
      nodes.filter(
        (node) =>
          node.providerId === credential.providerId &&
          (node.credentialId === credential.id ||
            (node.credentialId === null && credential.isDefault)),
      ),
    [nodes, credential.id, credential.providerId, credential.isDefault],
  );
}
