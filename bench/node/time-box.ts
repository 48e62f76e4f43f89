/**
 * Keeps the bench inside its time limit on a slow or busy machine: a figure repeats its runs
 * up to its configured count, but starts another only if one more (as long as its slowest so
 * far) still ends before the figure's share of the remaining time. Fewer runs show as a lower
 * `n` in the report rather than as a bench that never finishes.
 */
export async function repeatWithin(
  maxRuns: number,
  endsAt: number,
  run: (index: number) => Promise<void>,
): Promise<number> {
  let slowest = 0;
  let done = 0;
  while (done < maxRuns && (done === 0 || performance.now() + slowest <= endsAt)) {
    const start = performance.now();
    await run(done);
    slowest = Math.max(slowest, performance.now() - start);
    done += 1;
  }
  return done;
}

/** Splits what is left of the time limit between the figures still to run, by weight. */
export function createSchedule(endsAt: number, weights: Record<string, number>) {
  const pending = new Map(Object.entries(weights));
  return {
    /** When figure `name`, starting now, should stop starting runs. */
    endFor(name: string): number {
      const total = [...pending.values()].reduce((sum, weight) => sum + weight, 0);
      const weight = pending.get(name) ?? 0;
      pending.delete(name);
      const now = performance.now();
      return now + Math.max(0, endsAt - now) * (weight / total);
    },
  };
}
