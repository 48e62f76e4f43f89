/**
 * Two server instances over one PostgreSQL (DESIGN.md §5, §6): a flow started on one completes on
 * the other, an instance that dies mid-flow loses nothing, and 100 concurrent reads of an expiring
 * token across both make exactly one refresh at the stand-in authorization server.
 *
 * PostgreSQL only (`TEST_DATABASE_URL`, which CI sets): PGlite is one embedded database in one
 * process, so it cannot be shared by two instances, and the cross-process lock under test is
 * PostgreSQL's advisory lock.
 */
import { describe, expect, it } from 'vitest';
import { credentials } from '../src/storage/schema';
import { giveConsent } from './support/consent';
import { callbackInput, cookieBrowser } from './support/oauth-stack';
import { call } from './support/test-server';
import { startTwoInstances } from './support/two-instances';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const RUNNER = 'scale-out-runner-0123456789abcdef012345';
const SECOND = 1000;

/** Two instances on one clock the test moves, with a service token for the pipeline runner. */
async function twoInstances() {
  let now = Date.now();
  const stack = await startTwoInstances({
    clock: () => new Date(now),
    serviceTokens: [{ tenantId: 'local', token: RUNNER }],
  });
  return {
    ...stack,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** One browser (one cookie jar) that talks to either instance, as behind a load balancer. */
function sharedBrowser(...servers: Parameters<typeof cookieBrowser>[0][]) {
  const jar = new Map<string, string>();
  return servers.map((server) => cookieBrowser(server, jar));
}

const issue = (server: { fetch(request: Request): Promise<Response> }, id: string) =>
  call(server, 'POST', `/credentials/${id}/token`, {
    headers: { authorization: `Bearer ${RUNNER}` },
  });

async function connectOn(
  starter: ReturnType<typeof cookieBrowser>,
  finisher: ReturnType<typeof cookieBrowser>,
  providerId: string,
) {
  const start = await starter.call('POST', `/providers/${providerId}/oauth/flows`, {});
  const redirect = await giveConsent(String(start.json?.authorizationUrl), { decision: 'allow' });
  const done = await finisher.call('POST', '/oauth/callback', callbackInput(redirect));
  return { flowId: String(start.json?.flowId), done };
}

describe('two instances over one PostgreSQL', () => {
  it.runIf(onPostgres)('completes on one instance a flow started on the other', async () => {
    const { a, b } = await twoInstances();
    const [onA, onB] = sharedBrowser(a.server, b.server);
    const { flowId, done } = await connectOn(onA!, onB!, 'google-drive');
    expect(done.json).toMatchObject({ status: 'succeeded' });
    expect((await onA!.call('GET', `/oauth/flows/${flowId}`)).json).toMatchObject({
      status: 'succeeded',
      credentialId: done.json?.credentialId,
    });
    expect((await onA!.call('GET', '/credentials')).json?.credentials).toHaveLength(1);
  });

  it.runIf(onPostgres)('loses nothing when the instance that started a flow dies', async () => {
    const { a, b } = await twoInstances();
    const [onA, onB] = sharedBrowser(a.server, b.server);
    const start = await onA!.call('POST', '/providers/notion/oauth/flows', {});
    const redirect = await giveConsent(String(start.json?.authorizationUrl), { decision: 'allow' });
    await a.kill();
    expect((await onA!.call('GET', '/credentials')).status).toBe(500);

    const done = await onB!.call('POST', '/oauth/callback', callbackInput(redirect));
    expect(done.json).toMatchObject({ status: 'succeeded' });
    const id = String(done.json?.credentialId);
    expect((await onB!.call('GET', '/credentials')).json?.credentials).toEqual([
      expect.objectContaining({ id, status: 'active' }),
    ]);
    expect((await issue(b.server, id)).status).toBe(200);
  });

  it.runIf(onPostgres)(
    'makes 100 concurrent token reads of an expiring credential across both exactly one refresh',
    async () => {
      const { a, b, as, traffic, advance } = await twoInstances();
      const [onA] = sharedBrowser(a.server, b.server);
      const { done } = await connectOn(onA!, onA!, 'google-drive');
      const id = String(done.json?.credentialId);
      const before = String((await issue(a.server, id)).json?.accessToken);

      advance(45 * SECOND);
      const reads = await Promise.all(
        Array.from({ length: 100 }, (_, index) => issue(index % 2 ? a.server : b.server, id)),
      );
      expect(reads.map((read) => read.status)).toEqual(Array(100).fill(200));
      const tokens = new Set(reads.map((read) => read.json?.accessToken));
      expect(tokens.size).toBe(1);
      expect(tokens.has(before)).toBe(false);
      expect(traffic.attempts('refresh')).toBe(1);

      // The stand-in still honours the grant: a second refresh with a used token would have
      // revoked it.
      const me = await fetch(as.providerEndpoints('google-drive').userinfoEndpoint, {
        headers: { authorization: `Bearer ${[...tokens][0]}` },
      });
      expect(me.status).toBe(200);
      const [row] = await a.server.database.db.select().from(credentials);
      expect(row).toMatchObject({ version: 1, lastErrorCode: null });
    },
  );

  it.runIf(onPostgres)('lets one instance sweep at a time', async () => {
    const { a, b, traffic, advance } = await twoInstances();
    const [onA] = sharedBrowser(a.server, b.server);
    await connectOn(onA!, onA!, 'google-drive');
    const sweepA = a.server.createRefreshSweeper({ intervalMs: 60_000 });
    const sweepB = b.server.createRefreshSweeper({ intervalMs: 60_000 });
    advance(40 * SECOND);

    const release = traffic.hold('refresh');
    const first = sweepA.runOnce();
    await traffic.held('refresh');
    expect(await sweepB.runOnce()).toEqual({ swept: false, refreshed: 0, failed: 0 });
    release();
    expect(await first).toEqual({ swept: true, refreshed: 1, failed: 0 });
    expect(await sweepB.runOnce()).toEqual({ swept: true, refreshed: 0, failed: 0 });
    expect(traffic.attempts('refresh')).toBe(1);
  });

  it.runIf(onPostgres)(
    'sends each revocation once when both instances run the worker',
    async () => {
      const { a, b, traffic } = await twoInstances();
      const [onA] = sharedBrowser(a.server, b.server);
      const { done } = await connectOn(onA!, onA!, 'google-drive');
      const deleted = await onA!.call(
        'DELETE',
        `/credentials/${String(done.json?.credentialId)}`,
        undefined,
        { 'if-match': '"1"' },
      );
      expect(deleted.status).toBe(204);
      const reports = await Promise.all([
        a.server.createRevocationWorker({ intervalMs: 60_000 }).runOnce(),
        b.server.createRevocationWorker({ intervalMs: 60_000 }).runOnce(),
      ]);
      expect(reports.reduce((sum, report) => sum + report.revoked, 0)).toBe(1);
      // The refresh token and the access token: one revocation request each.
      expect(traffic.attempts('revoke')).toBe(2);
    },
  );
});
