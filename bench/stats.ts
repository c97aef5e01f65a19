/**
 * Small statistics helpers shared by the bench modules. Percentiles use the
 * nearest-rank method on a sorted copy, so a p50 is always a value that was
 * actually measured.
 */

export interface Summary {
  /** How many samples the figures are drawn from. */
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile (`p` in 0..100) of `values`; throws on an empty list. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) throw new Error('percentile of an empty sample');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
};

export const summarize = (values: readonly number[]): Summary => ({
  n: values.length,
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  min: Math.min(...values),
  max: Math.max(...values),
});

/** Rounds for the JSON results: enough digits to compare runs, not noise. */
export const round = (value: number, digits = 2): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

export const roundSummary = (summary: Summary): Summary => ({
  n: summary.n,
  p50: round(summary.p50),
  p95: round(summary.p95),
  min: round(summary.min),
  max: round(summary.max),
});

export const ratio = (value: number, baseline: number): number => round(value / baseline, 3);

/** Bench sizes use KB = 1024 bytes, like the budgets in DESIGN.md. */
export const KB = 1024;

export const formatKb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
export const formatMs = (ms: number): string => `${ms.toFixed(2)} ms`;
export const formatRatio = (value: number): string => `${value.toFixed(2)}×`;

/** Reads a positive integer setting from the environment, e.g. `BENCH_RUNS`. */
export const positiveIntFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
};
