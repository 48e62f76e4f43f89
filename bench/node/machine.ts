import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, platform, release, totalmem } from 'node:os';

const round = (value: number) => Number(value.toFixed(2));

/** The load averages over 1, 5 and 15 minutes (read when the bench starts and when it ends). */
export interface Load {
  '1m': number;
  '5m': number;
  '15m': number;
}

export function currentLoad(): Load {
  const [one, five, fifteen] = loadavg().map(round);
  return { '1m': one!, '5m': five!, '15m': fifteen! };
}

/** What the figures were measured on; they mean little without it. */
export function describeMachine(chromiumVersion: string, loadBefore: Load) {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown';
  return {
    nproc: availableParallelism(),
    cpu: model,
    memoryGb: Number((totalmem() / 2 ** 30).toFixed(1)),
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion,
    /** Other work on the machine skews every figure; the paired baselines absorb some of it. */
    load: { before: loadBefore, after: currentLoad() },
  };
}

export type Machine = ReturnType<typeof describeMachine>;
