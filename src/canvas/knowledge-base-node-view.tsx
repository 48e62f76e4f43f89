import { Handle, Position, type NodeProps } from '@xyflow/react';
import { BookOpen } from 'lucide-react';
import { memo } from 'react';
import type { KnowledgeBaseNode } from '../data-sources/pipeline-types';

/**
 * The pipeline's sink, where processed documents are indexed. Its book icon sets it apart; the
 * accent border is the selection's alone, as on every other node.
 */
export const KnowledgeBaseNodeView = memo(function KnowledgeBaseNodeView({
  data,
}: NodeProps<KnowledgeBaseNode>) {
  return (
    <div className="pc-node pc-knowledge-base-node">
      <Handle type="target" position={Position.Left} />
      <BookOpen aria-hidden size={20} className="pc-knowledge-base-icon" />
      <div className="pc-node-text">
        <span className="pc-node-title">{data.label}</span>
      </div>
    </div>
  );
});
