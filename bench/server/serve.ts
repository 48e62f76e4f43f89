/**
 * The server figure's subject, in a process of its own so the load generator does not share its
 * event loop: the reference server on PGlite (in memory) with N credentials, and beside it a bare
 * Hono route that serves the very bytes `GET /api/credentials` answers. Prints one JSON line
 * `{ library, baseline }` (the two origins) once both listen; stops on SIGTERM.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createCredentialsServer } from '../../server/src/create-credentials-server';
import { createLocalKeyWrapper } from '../../server/src/crypto/local-key-wrapper';

const count = Number(process.argv[2] ?? 1000);
const server = await createCredentialsServer({
  keys: createLocalKeyWrapper([{ id: 'bench', key: randomBytes(32) }]),
  publicOrigin: 'http://127.0.0.1',
  // The figure measures the server's own cost; seeding and the load would trip the limits.
  rateLimits: false,
});

const hex = (n: number) => n.toString(16).padStart(32, '0');
for (let index = 0; index < count; index += 1) {
  const response = await server.fetch(
    new Request('http://bench/api/providers/firecrawl/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: `Seed ${index}`,
        values: { firecrawl_api_key: `fc-${hex(index)}` },
      }),
    }),
  );
  if (response.status !== 201) throw new Error(`seeding failed: ${response.status}`);
}
const listResponse = await server.fetch(new Request('http://bench/api/credentials'));
const bytes = new Uint8Array(await listResponse.arrayBuffer());

const bare = new Hono();
bare.get('/api/credentials', (c) =>
  c.body(bytes, 200, { 'content-type': 'application/json', 'cache-control': 'no-store' }),
);

const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
  new Promise<string>((resolve) => {
    const started = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => {
      resolve(`http://127.0.0.1:${(started.address() as AddressInfo).port}`);
    });
  });

const library = await listen(server.app.fetch);
const baseline = await listen(bare.fetch);
process.stdout.write(`${JSON.stringify({ library, baseline, bytes: bytes.length })}\n`);
process.once('SIGTERM', () => process.exit(0));
