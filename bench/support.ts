import { availableParallelism, loadavg } from 'node:os';

/** A wrong option: the runner prints the message and the usage, without a stack trace. */
export class UsageError extends Error {}

export type Timed<T> = { ms: number; cpu: number; result: T };

/** Runs synchronous work once: its wall time and the process's CPU time for it, in ms, and its result. */
export function timed<T>(work: () => T): Timed<T> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const elapsed = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { ms: elapsed, cpu: (user + system) / 1000, result };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

export function all(values: number[]): string {
  return values.map((v) => Math.round(v)).join(', ');
}

/** `PASS` or `MISS` against a target; a benchmark prints this, it never fails on it. */
export function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}

export function readRuns(value: string | undefined, fallback = 3): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new UsageError(`--runs verwacht een geheel getal van 1 tot 50, niet "${value}"`);
  return n;
}

export { freePort } from '../tests/support/ports.ts';

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   ')).join('\n');
}

/** Other work on the machine slows every figure down; the ratios against a baseline suffer less. */
export function machineLoad(): string {
  const [one, five] = loadavg();
  return `belasting van de machine: load average ${one.toFixed(1)} (1 min), ${five.toFixed(1)} (5 min) op ${availableParallelism()} kernen`;
}
