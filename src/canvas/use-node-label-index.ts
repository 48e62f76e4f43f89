import { useStore } from '@xyflow/react';
import { nodeLabelIndex } from '../data-sources/node-numbers';

/**
 * The number in a data-source node's title ("Notion #2"), 0 when its provider has one node.
 * Read from React Flow's own nodes, so it works under a host's `<ReactFlow>` too; the selector
 * returns a number, so a node re-renders only when its own number changes.
 */
export function useNodeLabelIndex(nodeId: string): number {
  return useStore((state) => nodeLabelIndex(state.nodes, nodeId));
}
