import { PipelineCanvas, type PipelineNode } from 'pipeline-connect';

/** A data-source node for a story. */
export function sourceNode(
  id: string,
  providerId: string,
  credentialId: string | null = null,
  selected = false,
): PipelineNode {
  return {
    id,
    type: 'dataSource',
    position: { x: 0, y: 0 },
    data: { providerId, credentialId },
    selected,
  };
}

/** Props of {@link CanvasFrame}. */
export interface CanvasFrameProps {
  nodes: PipelineNode[];
  palette?: boolean;
  panel?: boolean;
  height?: number;
}

/** A fixed-size canvas holding the given nodes stacked vertically. */
export function CanvasFrame({
  nodes,
  palette = false,
  panel = true,
  height = 420,
}: CanvasFrameProps) {
  const laidOut = nodes.map((node, index) => ({ ...node, position: { x: 0, y: index * 90 } }));
  return (
    <div style={{ width: '100%', height }}>
      <PipelineCanvas
        defaultPipeline={{ nodes: laidOut, edges: [] }}
        palette={palette}
        panel={panel}
      />
    </div>
  );
}
