import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type NodeTypes,
  type OnEdgesChange,
  type OnNodesChange,
} from '@xyflow/react';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type ReactNode,
} from 'react';
import { useMessages } from '../i18n/i18n-context';
import { DataSourcePanel } from '../panel/data-source-panel';
import { useResolvedColorMode, useThemeAttributes } from '../theme/color-mode';
import { newDataSourceNode } from './new-data-source-node';
import { pipelineNodeTypes } from './node-types';
import { Palette } from './palette';
import { paletteDragType } from './palette-toolbar';
import { isDataSourceNode, type Pipeline, type PipelineNode } from '../data-sources/pipeline-types';
import { usePublishCredentialUsage } from './publish-credential-usage';
import { ConnectionStateProvider } from '../data-sources/connection-state-provider';
import { useProviders } from '../data-sources/use-credentials';
import { cn } from '../ui/cn';
import { useNarrowViewport } from './use-narrow-viewport';
import { useNodesWithProviderNames, useRememberProviderNames } from './use-remember-provider-names';

/** Props of {@link PipelineCanvas}. Pass `nodes`/`edges` to control it, or `defaultPipeline`. */
export interface PipelineCanvasProps {
  nodes?: PipelineNode[];
  edges?: Edge[];
  onNodesChange?: OnNodesChange<PipelineNode>;
  onEdgesChange?: OnEdgesChange;
  onConnect?: (connection: Connection) => void;
  /** The starting pipeline when uncontrolled. */
  defaultPipeline?: Pipeline;
  /** Called with the whole pipeline after every change (e.g. to persist it). */
  onPipelineChange?: (pipeline: Pipeline) => void;
  /**
   * The host's own node types, merged with Pipeline Connect's. Keep the object stable (module
   * scope): React Flow re-mounts every node when it changes.
   */
  nodeTypes?: NodeTypes;
  /** Show the palette of data sources (default true). */
  palette?: boolean;
  /** Show the side panel for the selected data-source node (default true). */
  panel?: boolean;
  /** Passed to the side panel: shows "Open in Settings" for the node's provider. */
  onOpenSettings?: (providerId: string) => void;
  /**
   * React Flow's `onlyRenderVisibleElements`: render only the nodes in view, for very large
   * pipelines (each node is still rendered once when it scrolls into view, to be measured).
   */
  onlyRenderVisibleElements?: boolean;
  /** Extra content inside React Flow (e.g. `<Panel>`s). */
  children?: ReactNode;
  className?: string;
}

/**
 * A knowledge-pipeline canvas: React Flow with Pipeline Connect's node types, a palette, the
 * side panel, background, controls and minimap. Data-source nodes show their connection state;
 * the pipeline it reports (or, controlled, the host's nodes) keeps each one's provider name in
 * its data (`providerName`) for when the catalog cannot be loaded. At phone width (≤ 640 px) the palette folds into a button, the minimap is left out
 * and the view fits the data-source nodes.
 */
export function PipelineCanvas(props: PipelineCanvasProps) {
  return (
    <ReactFlowProvider>
      <ConnectionStateProvider>
        <PipelineCanvasInner {...props} />
      </ConnectionStateProvider>
    </ReactFlowProvider>
  );
}

const emptyPipeline: Pipeline = { nodes: [], edges: [] };

function PipelineCanvasInner({
  nodes: controlledNodes,
  edges: controlledEdges,
  onNodesChange,
  onEdgesChange,
  onConnect,
  defaultPipeline = emptyPipeline,
  onPipelineChange,
  nodeTypes,
  palette = true,
  panel = true,
  onOpenSettings,
  onlyRenderVisibleElements,
  children,
  className,
}: PipelineCanvasProps) {
  const messages = useMessages();
  const colorMode = useResolvedColorMode();
  const theme = useThemeAttributes();
  const flow = useReactFlow<PipelineNode>();
  const [ownNodes, setOwnNodes] = useState<PipelineNode[]>(defaultPipeline.nodes);
  const [ownEdges, setOwnEdges] = useState<Edge[]>(defaultPipeline.edges);
  const isControlled = controlledNodes !== undefined;
  const nodes = controlledNodes ?? ownNodes;
  const edges = controlledEdges ?? ownEdges;

  const edgesControlled = controlledEdges !== undefined;

  const handleNodesChange = useCallback(
    (changes: NodeChange<PipelineNode>[]) => {
      onNodesChange?.(changes);
      if (!isControlled) setOwnNodes((current) => applyNodeChanges(changes, current));
    },
    [isControlled, onNodesChange],
  );
  const handleEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      onEdgesChange?.(changes);
      if (!edgesControlled) setOwnEdges((current) => applyEdgeChanges(changes, current));
    },
    [edgesControlled, onEdgesChange],
  );
  const handleConnect = useCallback(
    (connection: Connection) => {
      onConnect?.(connection);
      if (!edgesControlled) setOwnEdges((current) => addEdge(connection, current));
    },
    [edgesControlled, onConnect],
  );

  // Report the pipeline after each change so the host can persist it (nodes and edges as shown,
  // whichever of them the host controls), with each data source's provider name.
  const reportChange = useRef(onPipelineChange);
  useEffect(() => {
    reportChange.current = onPipelineChange;
  });
  const reportedNodes = useNodesWithProviderNames(nodes);
  useEffect(() => {
    reportChange.current?.({ nodes: reportedNodes, edges });
  }, [reportedNodes, edges]);

  const types = useMemo(() => ({ ...pipelineNodeTypes, ...nodeTypes }), [nodeTypes]);
  usePublishCredentialUsage(nodes);
  useRememberProviderNames(nodes, handleNodesChange, isControlled);
  const providers = useProviders();
  const narrow = useNarrowViewport();
  // On a phone the whole pipeline fits only below React Flow's minimum zoom, which left every
  // data source off-screen: fit the data sources, the nodes a user acts on, instead — clear of
  // the zoom controls on the left and no larger than 1.25× on a wider phone.
  const fitViewOptions = useMemo(
    () =>
      narrow
        ? {
            nodes: nodes.filter(isDataSourceNode).map(({ id }) => ({ id })),
            padding: { x: '56px', y: '24px' } as const,
            maxZoom: 1.25,
          }
        : undefined,
    [narrow, nodes],
  );

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(paletteDragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const providerId = event.dataTransfer.getData(paletteDragType);
    if (!providerId) return;
    event.preventDefault();
    const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const name = providers.data?.find((provider) => provider.id === providerId)?.name;
    flow.addNodes(newDataSourceNode(providerId, { x: position.x - 100, y: position.y - 30 }, name));
  };

  return (
    <div className={cn('pc-canvas', className)} {...theme}>
      {palette ? <Palette /> : null}
      <div className="pc-canvas-flow" onDragOver={onDragOver} onDrop={onDrop}>
        {/*
         * Nodes mount at once, in a loading state of the same size as every other state, and
         * fill in as the credential state arrives: React Flow measures each node once.
         */}
        <ReactFlow<PipelineNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={types}
          onNodesChange={handleNodesChange}
          onEdgesChange={handleEdgesChange}
          onConnect={handleConnect}
          deleteKeyCode={['Backspace', 'Delete']}
          colorMode={colorMode}
          fitView
          fitViewOptions={fitViewOptions}
          // Edges have no action here: as Tab stops they came before every node.
          edgesFocusable={false}
          onlyRenderVisibleElements={onlyRenderVisibleElements}
          aria-label={messages.canvas.label}
        >
          <Background />
          <Controls />
          {narrow ? null : <MiniMap pannable zoomable />}
          {children}
        </ReactFlow>
        {nodes.length === 0 ? (
          <div className="pc-canvas-empty" role="status">
            <strong>{messages.canvas.empty.title}</strong>
            <span>{messages.canvas.empty.body}</span>
          </div>
        ) : null}
      </div>
      {panel ? <DataSourcePanel onOpenSettings={onOpenSettings} /> : null}
    </div>
  );
}
