import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesState,
  type Node,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import type { QueryClient } from '@tanstack/react-query';
import {
  PipelineCanvas,
  PipelineConnectProvider,
  type CredentialsBackend,
  type DataSourceNode,
} from 'pipeline-connect';
import { BaselineDialog } from './baseline-dialog';
import { FlowHandleProbe } from './flow-handle';
import { recordNodeChanges } from './node-changes';
import { StandaloneApiKeyDialog } from './standalone-api-key-dialog';

/** The library as a host embeds it: provider + `PipelineCanvas` with its defaults. */
export function LibraryCanvas(props: {
  backend: CredentialsBackend;
  queryClient: QueryClient;
  nodes: DataSourceNode[];
  nodeTypes?: NodeTypes;
  onlyRenderVisibleElements: boolean;
  withStandaloneDialog?: boolean;
}) {
  return (
    <PipelineConnectProvider
      backend={props.backend}
      queryClient={props.queryClient}
      colorMode="light"
    >
      <div className="bench-frame">
        <PipelineCanvas
          defaultPipeline={{ nodes: props.nodes, edges: [] }}
          nodeTypes={props.nodeTypes}
          onNodesChange={recordNodeChanges}
          onlyRenderVisibleElements={props.onlyRenderVisibleElements}
        >
          <FlowHandleProbe />
        </PipelineCanvas>
        {props.withStandaloneDialog ? <StandaloneApiKeyDialog /> : null}
      </div>
    </PipelineConnectProvider>
  );
}

/**
 * The baseline: the same graph with React Flow's default nodes, held in state the canonical way
 * (`useNodesState`, as `PipelineCanvas` does internally) and with the same chrome
 * `PipelineCanvas` adds (background, controls, minimap, fitView), so the ratio isolates what
 * the library adds: its nodes, providers, palette and panel.
 */
export function BaselineCanvas(props: {
  nodes: Node[];
  onlyRenderVisibleElements: boolean;
  withDialog: boolean;
}) {
  const [nodes, , applyChanges] = useNodesState(props.nodes);
  const onNodesChange = (changes: NodeChange[]) => {
    recordNodeChanges(changes);
    applyChanges(changes);
  };
  return (
    <div className="bench-frame">
      <ReactFlow
        nodes={nodes}
        edges={[]}
        onNodesChange={onNodesChange}
        onlyRenderVisibleElements={props.onlyRenderVisibleElements}
        fitView
      >
        <Background />
        <Controls />
        <MiniMap pannable zoomable />
        <FlowHandleProbe />
      </ReactFlow>
      {props.withDialog ? <BaselineDialog /> : null}
    </div>
  );
}
