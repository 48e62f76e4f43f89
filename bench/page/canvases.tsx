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
  pipelineNodeTypes,
  type CredentialsBackend,
  type DataSourceNode,
} from 'pipeline-connect';
import { BaselineDialog } from './baseline-dialog';
import { FlowHandleProbe } from './flow-handle';
import { recordNodeChanges } from './node-changes';
import { ProviderSlicesProvider } from './prototype/provider-slices';
import './prototype/prototype.css';

/** The library as a host embeds it: provider + `PipelineCanvas` with its defaults. */
export function LibraryCanvas(props: {
  backend: CredentialsBackend;
  queryClient: QueryClient;
  nodes: DataSourceNode[];
  nodeTypes?: NodeTypes;
  /** The prototype fix: canvas-wide store (its nodes need it) and fixed node width. */
  prototypeFix?: boolean;
}) {
  const canvas = (
    <div className={props.prototypeFix ? 'bench-frame bench-prototype' : 'bench-frame'}>
      <PipelineCanvas
        defaultPipeline={{ nodes: props.nodes, edges: [] }}
        nodeTypes={props.nodeTypes}
        onNodesChange={recordNodeChanges}
      >
        <FlowHandleProbe />
      </PipelineCanvas>
    </div>
  );
  return (
    <PipelineConnectProvider
      backend={props.backend}
      queryClient={props.queryClient}
      colorMode="light"
    >
      {props.prototypeFix ? <ProviderSlicesProvider>{canvas}</ProviderSlicesProvider> : canvas}
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
  withDialog: boolean;
  visibleOnly: boolean;
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
        fitView
        onlyRenderVisibleElements={props.visibleOnly}
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

/**
 * The library's nodes in a host's own `<ReactFlow>` (the documented way for hosts with their
 * own canvas), so React Flow options `PipelineCanvas` does not forward can be tried.
 */
export function HostCanvas(props: {
  backend: CredentialsBackend;
  queryClient: QueryClient;
  nodes: DataSourceNode[];
  visibleOnly: boolean;
}) {
  const [nodes, , onNodesChange] = useNodesState<Node>(props.nodes);
  return (
    <PipelineConnectProvider
      backend={props.backend}
      queryClient={props.queryClient}
      colorMode="light"
    >
      <div className="bench-frame">
        <ReactFlow
          nodes={nodes}
          edges={[]}
          nodeTypes={pipelineNodeTypes}
          onNodesChange={onNodesChange}
          fitView
          onlyRenderVisibleElements={props.visibleOnly}
        >
          <Background />
          <Controls />
          <MiniMap pannable zoomable />
          <FlowHandleProbe />
        </ReactFlow>
      </div>
    </PipelineConnectProvider>
  );
}
