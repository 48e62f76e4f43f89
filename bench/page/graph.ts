import type { Node } from '@xyflow/react';
import type { DataSourceNode } from 'pipeline-connect';
import { providerFixtures } from 'pipeline-connect/mocks';

/*
 * The benchmark graph: `count` data-source nodes on a grid, round-robin over the mock catalog's
 * six providers. Credential choices mix the states a real canvas shows against the `mixed` seed:
 * most nodes follow their provider's default (connected, expired, invalid or not connected,
 * depending on the provider), some point at a specific credential, some at a deleted one.
 */

const COLUMNS = 40;
const X_GAP = 240;
const Y_GAP = 110;

const specificCredential: Record<string, string> = {
  notion: 'cred-notion-oauth',
  firecrawl: 'cred-firecrawl-self-hosted',
};

export function providerOf(index: number): string {
  return providerFixtures[index % providerFixtures.length]!.id;
}

function position(index: number) {
  return { x: (index % COLUMNS) * X_GAP, y: Math.floor(index / COLUMNS) * Y_GAP };
}

function credentialOf(index: number, providerId: string): string | null {
  if (index % 7 === 3) return 'cred-deleted-by-bench';
  const specific = specificCredential[providerId];
  return specific !== undefined && index % 4 === 0 ? specific : null;
}

export function dataSourceNodes(count: number): DataSourceNode[] {
  return Array.from({ length: count }, (_, index) => {
    const providerId = providerOf(index);
    return {
      id: `ds-${index}`,
      type: 'dataSource',
      position: position(index),
      data: { providerId, credentialId: credentialOf(index, providerId) },
    };
  });
}

/** The same graph with React Flow's built-in `default` node: a label and two handles. */
export function defaultNodes(count: number): Node[] {
  return Array.from({ length: count }, (_, index) => {
    const provider = providerFixtures[index % providerFixtures.length]!;
    return {
      id: `ds-${index}`,
      type: 'default',
      position: position(index),
      data: { label: `${provider.name} #${index}` },
    };
  });
}
