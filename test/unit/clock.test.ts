import { afterEach, describe, expect, it } from 'vitest';
import { now, nowIso, resetClock, runClockFrom } from '#core/platform/clock';

describe('clock', () => {
  afterEach(resetClock);

  it('reads the system clock until a test moves it', () => {
    // Act
    const read = now().getTime();

    // Assess
    expect(Math.abs(read - Date.now())).toBeLessThan(1000);
  });

  it('runs on from the time a test sets, and goes back to the system clock', () => {
    // Prepare
    const start = new Date('2031-06-01T10:00:00.000Z');

    // Act
    runClockFrom(start);
    const moved = now().getTime();
    const movedIso = nowIso();
    resetClock();

    // Assess
    expect(moved - start.getTime()).toBeGreaterThanOrEqual(0);
    expect(moved - start.getTime()).toBeLessThan(1000);
    expect(movedIso.startsWith('2031-06-01T10:00')).toBe(true);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
