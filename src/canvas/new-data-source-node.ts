import type { XYPosition } from '@xyflow/react';
import type { DataSourceNode } from '../data-sources/pipeline-types';

/** A fresh data-source node with a unique id, following its provider's default credential. */
export function newDataSourceNode(providerId: string, position: XYPosition): DataSourceNode {
  return {
    id: `source-${providerId}-${crypto.randomUUID().slice(0, 8)}`,
    type: 'dataSource',
    position,
    data: { providerId, credentialId: null },
    selected: false,
  };
}
