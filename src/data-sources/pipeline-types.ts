import type { Edge, Node } from '@xyflow/react';

/**
 * A data-source node's data: which provider it reads and which credential it uses. It never
 * holds a secret — only an id — so it is safe to persist with the pipeline.
 */
export type DataSourceNodeData = {
  providerId: string;
  /** `null` follows the provider's default credential. */
  credentialId: string | null;
  /**
   * The provider's name as last seen in the catalog: a display fallback, never authoritative.
   * The palette writes it and the canvas keeps it current, so a node still says which provider
   * it reads while the catalog cannot be loaded (an outage). The catalog's name always wins.
   */
  providerName?: string;
};

/** A processing step (chunking, embedding, …); minimal, so a pipeline reads end to end. */
export type ProcessingNodeData = {
  label: string;
  description?: string;
};

/** The pipeline's sink. */
export type KnowledgeBaseNodeData = {
  label: string;
};

/** A React Flow node reading from a data source (`type: 'dataSource'`). */
export type DataSourceNode = Node<DataSourceNodeData, 'dataSource'>;
/** A React Flow node for a processing step (`type: 'processing'`). */
export type ProcessingNode = Node<ProcessingNodeData, 'processing'>;
/** A React Flow node for the knowledge base (`type: 'knowledgeBase'`). */
export type KnowledgeBaseNode = Node<KnowledgeBaseNodeData, 'knowledgeBase'>;

/** Every node type Pipeline Connect contributes, as a discriminated union on `type`. */
export type PipelineNode = DataSourceNode | ProcessingNode | KnowledgeBaseNode;

/** A pipeline: nodes and the edges between them. */
export interface Pipeline {
  nodes: PipelineNode[];
  edges: Edge[];
}

/** Narrows any React Flow node to a data-source node. */
export function isDataSourceNode(node: Node): node is DataSourceNode {
  return node.type === 'dataSource';
}
