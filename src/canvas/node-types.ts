import type { NodeTypes } from '@xyflow/react';
import { DataSourceNodeView } from './data-source-node-view';
import { KnowledgeBaseNodeView } from './knowledge-base-node-view';
import { ProcessingNodeView } from './processing-node-view';

/**
 * Node types live at module scope: React Flow re-mounts every node when the object changes.
 * Hosts that render their own `<ReactFlow>` spread these into their own `nodeTypes`.
 */
export const dataSourceNodeTypes = { dataSource: DataSourceNodeView } satisfies NodeTypes;

/** Every node type Pipeline Connect contributes (data sources, processing, knowledge base). */
export const pipelineNodeTypes = {
  ...dataSourceNodeTypes,
  processing: ProcessingNodeView,
  knowledgeBase: KnowledgeBaseNodeView,
} satisfies NodeTypes;
