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
import { Palette, paletteDragType } from './palette';
import type { Pipeline, PipelineNode } from '../data-sources/pipeline-types';
import { usePublishCredentialUsage } from './publish-credential-usage';
import { useCredentialStateReady } from '../data-sources/use-credential-state-ready';
import { cn } from '../ui/cn';

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
  /** Extra content inside React Flow (e.g. `<Panel>`s). */
  children?: ReactNode;
  className?: string;
}

/**
 * A knowledge-pipeline canvas: React Flow with Pipeline Connect's node types, a palette, the
 * side panel, background, controls and minimap. Data-source nodes show their connection state.
 */
export function PipelineCanvas(props: PipelineCanvasProps) {
  return (
    <ReactFlowProvider>
      <PipelineCanvasInner {...props} />
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
  // whichever of them the host controls).
  const reportChange = useRef(onPipelineChange);
  useEffect(() => {
    reportChange.current = onPipelineChange;
  });
  useEffect(() => {
    reportChange.current?.({ nodes, edges });
  }, [nodes, edges]);

  const stateReady = useCredentialStateReady();
  const types = useMemo(() => ({ ...pipelineNodeTypes, ...nodeTypes }), [nodeTypes]);
  usePublishCredentialUsage(nodes);

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(paletteDragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const providerId = event.dataTransfer.getData(paletteDragType);
    if (!providerId || !stateReady) return;
    event.preventDefault();
    const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    flow.addNodes(newDataSourceNode(providerId, { x: position.x - 100, y: position.y - 30 }));
  };

  return (
    <div className={cn('pc-canvas', className)} {...theme}>
      {palette ? <Palette disabled={!stateReady} /> : null}
      <div className="pc-canvas-flow" onDragOver={onDragOver} onDrop={onDrop}>
        {stateReady ? (
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
            aria-label={messages.canvas.label}
          >
            <Background />
            <Controls />
            <MiniMap pannable zoomable />
            {children}
          </ReactFlow>
        ) : (
          <p className="pc-canvas-loading" role="status">
            {messages.common.loading}
          </p>
        )}
        {stateReady && nodes.length === 0 ? (
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
