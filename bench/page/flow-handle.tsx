import { useReactFlow, useStoreApi, type Viewport } from '@xyflow/react';
import { useEffect } from 'react';

/** What the bench needs from the mounted React Flow instance. */
export interface FlowHandle {
  getViewport(): Viewport;
  setViewport(viewport: Viewport): void;
  select(nodeId: string): void;
  /**
   * Nodes React Flow has measured. It renders every node once to measure it (also when
   * `onlyRenderVisibleElements` then drops the ones off-screen), so this reaching the node
   * count means every node rendered at least once, culled or not.
   */
  measuredNodes(): number;
}

let current: FlowHandle | null = null;

export function flowHandle(): FlowHandle {
  if (!current) throw new Error('No canvas is mounted');
  return current;
}

/** The mounted instance, or null before its first effect ran (the canvas is still mounting). */
export const mountedFlowHandle = (): FlowHandle | null => current;

/**
 * Rendered as a child of `<ReactFlow>` (both canvases accept children), so it reaches the
 * instance exactly as host code would, through React Flow's public hooks.
 */
export function FlowHandleProbe() {
  const flow = useReactFlow();
  const store = useStoreApi();
  useEffect(() => {
    current = {
      getViewport: () => flow.getViewport(),
      setViewport: (viewport) => void flow.setViewport(viewport),
      select: (nodeId) => store.getState().addSelectedNodes([nodeId]),
      measuredNodes: () => {
        let measured = 0;
        for (const node of store.getState().nodeLookup.values()) {
          if (node.measured.width !== undefined && node.measured.height !== undefined) {
            measured += 1;
          }
        }
        return measured;
      },
    };
    return () => {
      current = null;
    };
  }, [flow, store]);
  return null;
}
