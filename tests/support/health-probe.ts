/**
 * Asks a server's /health at a steady rate, whether or not the last answer came: a server that stalls
 * for ten seconds then shows as two hundred slow answers, not as one (no "coordinated omission").
 * Each answer is noted with the time it was asked (epoch ms), so it can be put in a phase afterwards.
 */
export type HealthSample = { at: number; ms: number; status: number };

export type HealthProbe = {
  /** stops asking and waits for the answers still out */
  stop(): Promise<HealthSample[]>;
};

export function probeHealth(base: string, options: { everyMs?: number; timeoutMs?: number } = {}): HealthProbe {
  const everyMs = options.everyMs ?? 50;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const samples: HealthSample[] = [];
  const outstanding = new Set<Promise<void>>();
  const ask = () => {
    const at = Date.now();
    const started = performance.now();
    const answer = fetch(`${base}/health`, { signal: AbortSignal.timeout(timeoutMs) })
      .then(
        async (response) => {
          await response.arrayBuffer();
          return response.status;
        },
        () => 0,
      )
      .then((status) => void samples.push({ at, ms: performance.now() - started, status }));
    outstanding.add(answer);
    void answer.finally(() => outstanding.delete(answer));
  };
  const timer = setInterval(ask, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(outstanding);
      return samples.sort((a, b) => a.at - b.at);
    },
  };
}

/** The p-th percentile (0–100) of the times, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
