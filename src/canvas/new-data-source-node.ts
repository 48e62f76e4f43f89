import type { XYPosition } from '@xyflow/react';
import type { DataSourceNode } from '../data-sources/pipeline-types';

/**
 * A fresh data-source node with a unique id, following its provider's default credential. The
 * provider's name, when given, is kept as the node's display fallback (`providerName`).
 */
export function newDataSourceNode(
  providerId: string,
  position: XYPosition,
  providerName?: string,
): DataSourceNode {
  return {
    id: `source-${providerId}-${crypto.randomUUID().slice(0, 8)}`,
    type: 'dataSource',
    position,
    data: providerName
      ? { providerId, credentialId: null, providerName }
      : { providerId, credentialId: null },
    selected: false,
  };
}
