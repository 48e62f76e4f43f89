/**
 * DESIGN.md §6, reference server: `GET /credentials` with 1,000 credentials against a bare Hono
 * route serving the same bytes (throughput, closed loop, alternating rounds), and the p99 latency
 * of `POST` create at a fixed 200 requests per second (open loop). Both servers run in one child
 * process; the load comes from this one over loopback keep-alive connections.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { Agent, request } from 'undici';
import { budgets, config } from '../config';
import { pairedRatios, percentile, summarize } from '../stats';
import type { FigureResult, Row } from '../types';

const root = resolve(import.meta.dirname, '../../..');
const WARMUP_CREATES = 100;

interface Subject {
  library: string;
  baseline: string;
  bytes: number;
  stop(): void;
}

async function startSubject(credentials: number): Promise<Subject> {
  const child = spawn('npx', ['tsx', 'bench/server/serve.ts', String(credentials)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const origins = JSON.parse(line) as Omit<Subject, 'stop'>;
  return { ...origins, stop: () => child.kill('SIGTERM') };
}

/** Requests completed in `ms` by `concurrency` keep-alive loops. */
async function throughput(url: string, agent: Agent, ms: number, concurrency: number) {
  const endsAt = performance.now() + ms;
  let done = 0;
  const loop = async () => {
    while (performance.now() < endsAt) {
      const response = await request(url, { dispatcher: agent });
      await response.body.arrayBuffer();
      if (response.statusCode !== 200) throw new Error(`GET answered ${response.statusCode}`);
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return (done / ms) * 1000;
}

/**
 * Latencies of creates sent at a fixed rate (a request leaves on schedule, answered or not).
 * `first` numbers the credentials, so a warm-up and the measured series never share a name.
 */
async function createLatencies(
  origin: string,
  agent: Agent,
  rate: number,
  total: number,
  first = 0,
) {
  const latencies: number[] = [];
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let index = first; index < first + total; index += 1) {
    const due = started + ((index - first) * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolveWait) => setTimeout(resolveWait, wait));
    pending.push(
      (async () => {
        const sent = performance.now();
        const response = await request(`${origin}/api/providers/firecrawl/credentials`, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name: `Load ${index}`,
            values: { firecrawl_api_key: `fc-${(index + 1e6).toString(16).padStart(32, 'a')}` },
          }),
        });
        await response.body.arrayBuffer();
        if (response.statusCode !== 201) throw new Error(`POST answered ${response.statusCode}`);
        latencies.push(performance.now() - sent);
      })(),
    );
  }
  await Promise.all(pending);
  return latencies;
}

export async function serverFigures(): Promise<FigureResult> {
  const { credentials, rounds, roundMs, concurrency, createRate, creates } = config.server;
  const subject = await startSubject(credentials);
  const agent = new Agent({ connections: concurrency, pipelining: 1 });
  try {
    // Warm-up (JIT, connections), discarded.
    await throughput(`${subject.library}/api/credentials`, agent, 500, concurrency);
    await throughput(`${subject.baseline}/api/credentials`, agent, 500, concurrency);
    const library: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      // Alternate which goes first, so drift in the machine's load is shared.
      const pair = [
        ['library', subject.library],
        ['baseline', subject.baseline],
      ] as const;
      for (const [name, origin] of round % 2 === 0 ? pair : [...pair].reverse()) {
        const rate = await throughput(`${origin}/api/credentials`, agent, roundMs, concurrency);
        (name === 'library' ? library : baseline).push(rate);
      }
    }
    const ratio = summarize(pairedRatios(library, baseline));
    // Warm-up (the create path's JIT, the sealing keys), discarded.
    await createLatencies(subject.library, agent, createRate, WARMUP_CREATES, creates);
    const latencies = await createLatencies(subject.library, agent, createRate, creates);
    const p99 = percentile(latencies, 99);

    const rows: Row[] = [
      {
        figure: 'server',
        metric: `GET /credentials, ${credentials.toLocaleString('en')} credentials`,
        unit: 'req/s',
        library: summarize(library),
        baseline: summarize(baseline),
        ratio,
        budget: {
          text: `≥ ${budgets.serverListRatio}× bare Hono`,
          pass: ratio.median >= budgets.serverListRatio,
        },
      },
      {
        figure: 'server',
        metric: `POST create p99 at ${createRate} req/s`,
        unit: 'ms',
        library: {
          median: p99,
          min: Math.min(...latencies),
          max: Math.max(...latencies),
          n: latencies.length,
        },
        baseline: null,
        ratio: null,
        budget: {
          text: `≤ ${budgets.serverCreateP99Ms} ms`,
          pass: p99 <= budgets.serverCreateP99Ms,
        },
      },
    ];
    return {
      rows,
      details: {
        listBytes: subject.bytes,
        library,
        baseline,
        createP50: percentile(latencies, 50),
        createP99: p99,
      },
      notes: [
        `Server: PGlite in memory, no provider verification (the figure is the server's own cost); ` +
          `${concurrency} keep-alive connections, ${rounds} alternating rounds of ${roundMs} ms; ` +
          `load generator and servers share the machine's cores.`,
      ],
    };
  } finally {
    await agent.close();
    subject.stop();
  }
}
