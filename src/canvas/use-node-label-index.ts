import { useStoreApi, type Node, type ReactFlowState } from '@xyflow/react';
import { useCallback, useSyncExternalStore } from 'react';
import { nodeLabelIndex } from '../data-sources/node-numbers';

type FlowStore = ReturnType<typeof useStoreApi<Node>>;

/** Each node's number, published per node, from one subscription to a React Flow store. */
interface LabelIndexStore {
  get(nodeId: string): number;
  subscribe(nodeId: string, listener: () => void): () => void;
}

const stores = new WeakMap<FlowStore, LabelIndexStore>();

/**
 * One subscription per React Flow store, which looks at the nodes array only when it changes,
 * and tells just the nodes whose number changed. A `useStore` selector per node ran for every
 * change of React Flow's state — every frame of a pan or zoom, 1,000 selectors a frame on a
 * 1,000-node canvas — to find the same number again.
 */
function labelIndexStoreOf(flow: FlowStore): LabelIndexStore {
  const known = stores.get(flow);
  if (known) return known;
  const listeners = new Map<string, Set<() => void>>();
  let nodes = flow.getState().nodes;
  let stop: (() => void) | null = null;
  const onChange = (state: ReactFlowState<Node>) => {
    if (state.nodes === nodes) return;
    const before = nodes;
    nodes = state.nodes;
    for (const [nodeId, own] of listeners) {
      if (nodeLabelIndex(before, nodeId) !== nodeLabelIndex(nodes, nodeId)) {
        own.forEach((listener) => listener());
      }
    }
  };
  const store: LabelIndexStore = {
    get: (nodeId) => nodeLabelIndex(flow.getState().nodes, nodeId),
    subscribe(nodeId, listener) {
      if (!stop) {
        nodes = flow.getState().nodes;
        stop = flow.subscribe(onChange);
      }
      let own = listeners.get(nodeId);
      if (!own) listeners.set(nodeId, (own = new Set()));
      own.add(listener);
      return () => {
        own.delete(listener);
        if (own.size === 0) listeners.delete(nodeId);
        if (listeners.size === 0) {
          stop?.();
          stop = null;
        }
      };
    },
  };
  stores.set(flow, store);
  return store;
}

/**
 * The number in a data-source node's title ("Notion #2"), 0 when its provider has one node.
 * Read from React Flow's own nodes, so it works under a host's `<ReactFlow>` too; a node
 * re-renders only when its own number changes.
 */
export function useNodeLabelIndex(nodeId: string): number {
  const store = labelIndexStoreOf(useStoreApi());
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(nodeId, listener),
    [store, nodeId],
  );
  const get = () => store.get(nodeId);
  return useSyncExternalStore(subscribe, get, get);
}
