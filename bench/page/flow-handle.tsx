import { useReactFlow, useStoreApi, type Viewport } from '@xyflow/react';
import { useEffect } from 'react';

/** What the bench needs from the mounted React Flow instance. */
export interface FlowHandle {
  getViewport(): Viewport;
  setViewport(viewport: Viewport): void;
  select(nodeId: string): void;
}

let current: FlowHandle | null = null;

export function flowHandle(): FlowHandle {
  if (!current) throw new Error('No canvas is mounted');
  return current;
}

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
    };
    return () => {
      current = null;
    };
  }, [flow, store]);
  return null;
}
