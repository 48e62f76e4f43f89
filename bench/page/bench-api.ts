import { credentialKeys, type CredentialsBackend } from 'pipeline-connect';
import type { BenchApi } from '../shared/bench-api';
import { armDialogProbe, dialogLatency } from './dialog-probe';
import { flowHandle } from './flow-handle';
import { currentMount, mountCanvas, unmount } from './mount';
import { armRenderCounter, renderCounts } from './profiled-node';
import { clearRequestLog, requestLog, requestsInFlight } from './requests';
import { deadline, frames } from './timing';
import { driveViewport } from './viewport-motion';

const SETTLE_TIMEOUT_MS = 15_000;
/** Quiet frames required before calling the page settled (React commits after a fetch). */
const QUIET_FRAMES = 3;

async function settle(): Promise<void> {
  const limit = deadline(SETTLE_TIMEOUT_MS, 'requests and queries to settle');
  let quiet = 0;
  while (quiet < QUIET_FRAMES) {
    if (limit.expired()) throw limit.error();
    await frames(1);
    const fetching = mountedQueryClient()?.isFetching() ?? 0;
    quiet = requestsInFlight() === 0 && fetching === 0 ? quiet + 1 : 0;
  }
}

function mountedQueryClient() {
  try {
    return currentMount().queryClient;
  } catch {
    return null;
  }
}

/** The page's side of the driver contract (see bench/shared/bench-api.ts). */
export function createBenchApi(
  backend: CredentialsBackend,
  resetStore: () => Promise<void>,
): BenchApi {
  return {
    mountCanvas: async (options) => {
      // Every mount starts from the same backend state (reset before the timer starts).
      await resetStore();
      return mountCanvas(options, backend);
    },
    unmount,
    driveViewport,
    selectNode: async (nodeId) => {
      flowHandle().select(nodeId);
      await frames(2);
    },
    clearRequestLog,
    requestLog,
    settle,
    changeOneCredential: async () => {
      const queryClient = currentMount().queryClient;
      if (!queryClient) throw new Error('changeOneCredential needs the library canvas');
      // What the Add API Key mutation does: create, then invalidate the credentials query.
      await backend.createApiKeyCredential('jina-reader', {
        name: 'Bench key',
        // A key in Jina's real format, which the mock (like the server) accepts.
        values: { api_key: 'jina_9766e0c844f087cbf658d4ce20ed810de22mIY_kIwmRnt-07CmgQ_pelLf_' },
      });
      await queryClient.invalidateQueries({ queryKey: credentialKeys.credentials(backend) });
      await settle();
    },
    armRenderCounter,
    renderCounts: () => renderCounts(currentMount().count),
    armDialogProbe,
    dialogLatency,
    frames,
    collectGarbage: () => (globalThis as { gc?: () => void }).gc?.(),
  };
}
