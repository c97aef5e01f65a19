/**
 * Progress of a long import: on a terminal one line redrawn in place (count,
 * rate, ETA); in a log (CI, a pipe) a plain line every few seconds. Problems
 * are printed as they happen, above the progress line.
 */
import type { RowOutcome } from './run.ts';

export interface ProgressState {
  done: number;
  total: number;
  failed: number;
  elapsedMs: number;
}

export const formatDuration = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
};

/** `1234/10000 rows (12%) · 250 rows/s · ETA 35 s · 3 failed` */
export const formatProgress = ({ done, total, failed, elapsedMs }: ProgressState): string => {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const parts = [`${done}/${total} rows (${percent}%)`];
  if (rate > 0) {
    parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} rows/s`);
    if (done < total) parts.push(`ETA ${formatDuration((total - done) / rate)}`);
  }
  if (failed > 0) parts.push(`${failed} failed`);
  return parts.join(' · ');
};

export interface ProgressOptions {
  total: number;
  /** Redraw one line in place (a terminal) or print a line now and then (a log). */
  tty: boolean;
  write: (text: string) => void;
  /** How often the line is drawn: ~10 times a second on a terminal, every 5 s in a log. */
  intervalMs?: number;
  now?: () => number;
}

export const createProgress = (options: ProgressOptions) => {
  const now = options.now ?? Date.now;
  const started = now();
  const state = { done: 0, failed: 0, shown: -1 };
  const line = () =>
    `import: ${formatProgress({ ...state, total: options.total, elapsedMs: now() - started })}`;
  const clear = () => {
    if (options.tty && state.shown >= 0) options.write('\r\x1b[2K');
  };
  const draw = () => {
    if (state.done === state.shown) return;
    state.shown = state.done;
    options.write(options.tty ? `\r\x1b[2K${line()}` : `${line()}\n`);
  };
  const timer = setInterval(draw, options.intervalMs ?? (options.tty ? 100 : 5000));
  timer.unref();
  return {
    rowDone(outcome: RowOutcome) {
      state.done += 1;
      if (outcome === 'failed') state.failed += 1;
    },
    problem(message: string) {
      clear();
      options.write(`${message}\n`);
      if (options.tty) state.shown = -1;
    },
    /** Stops redrawing; a terminal keeps the last line, completed. */
    stop() {
      clearInterval(timer);
      if (options.tty) {
        state.shown = -1;
        draw();
        options.write('\n');
      }
    },
  };
};
