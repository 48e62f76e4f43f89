/**
 * The `meta` tag of a mutation whose success other tabs must hear of (they then refetch). Every
 * mutation option factory of ours carries it; a host's own mutation that changes credentials
 * through another path can carry it too: `useMutation({ ..., meta: syncAcrossTabsMeta })`.
 */
export const syncAcrossTabsMeta = { pipelineConnectSyncAcrossTabs: true } as const;

/** Whether a mutation's `meta` asks for cross-tab sync. */
export function syncsAcrossTabs(meta: Record<string, unknown> | undefined): boolean {
  return meta?.pipelineConnectSyncAcrossTabs === true;
}
