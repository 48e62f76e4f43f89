import { Handle, Position, type NodeProps } from '@xyflow/react';
import { BookOpen } from 'lucide-react';
import { memo } from 'react';
import type { KnowledgeBaseNode } from '../data-sources/pipeline-types';

/** The pipeline's sink, where processed documents are indexed. */
export const KnowledgeBaseNodeView = memo(function KnowledgeBaseNodeView({
  data,
}: NodeProps<KnowledgeBaseNode>) {
  return (
    <div className="pc-node pc-knowledge-base-node">
      <Handle type="target" position={Position.Left} />
      <BookOpen aria-hidden size={20} />
      <div className="pc-node-text">
        <span className="pc-node-title">{data.label}</span>
      </div>
    </div>
  );
});
