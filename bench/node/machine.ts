import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, platform, release, totalmem } from 'node:os';

const round = (value: number) => Number(value.toFixed(2));

/** The 1-minute load average now (the bench reads it when it starts and when it ends). */
export const currentLoad = () => loadavg()[0]!;

/** What the figures were measured on; they mean little without it. */
export function describeMachine(chromiumVersion: string, loadAtStart: number) {
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
    loadAverage1m: { atStart: round(loadAtStart), atEnd: round(loadavg()[0]!) },
  };
}
