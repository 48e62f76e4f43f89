import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ProcessingNode } from '../data-sources/pipeline-types';

/** A minimal processing step, so a pipeline reads from its sources to its knowledge base. */
export const ProcessingNodeView = memo(function ProcessingNodeView({
  data,
}: NodeProps<ProcessingNode>) {
  return (
    <div className="pc-node pc-processing-node">
      <Handle type="target" position={Position.Left} />
      <div className="pc-node-text">
        <span className="pc-node-title">{data.label}</span>
        {data.description ? <span className="pc-node-status">{data.description}</span> : null}
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
