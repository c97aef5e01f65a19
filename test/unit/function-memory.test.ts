/**
 * Memory per function (lib/function-memory.ts): the rule, and the table
 * held to the peaks the committed bench results measured.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FunctionMemoryResult } from '../../bench/function-memory.ts';
import {
  FUNCTION_MEMORY_MB,
  MEMORY_HEADROOM,
  MEMORY_STEPS_MB,
  memoryForPeak,
} from '../../lib/function-memory.ts';

const LATEST = new URL('../../bench/results/latest.json', import.meta.url);

describe('memoryForPeak', () => {
  it.each([
    [40, 256],
    [170, 256],
    [171, 512],
    [400, 1024],
    [5000, 2048],
  ])('sizes a peak of %i MB at %i MB (peak × headroom, rounded up to a step)', (peak, size) => {
    // Act
    const chosen = memoryForPeak(peak);

    // Assess
    expect(chosen).toBe(size);
  });
});

describe('FUNCTION_MEMORY_MB', () => {
  it('uses only the sizes of the rule', () => {
    // Act
    const sizes = new Set(Object.values(FUNCTION_MEMORY_MB));

    // Assess
    for (const size of sizes) expect(MEMORY_STEPS_MB).toContain(size);
  });

  it('gives every function the bench measured at least its peak memory times the headroom', () => {
    // Prepare
    expect(existsSync(LATEST), 'run `npm run bench` to record bench/results/latest.json').toBe(
      true
    );
    const { memory } = JSON.parse(readFileSync(LATEST, 'utf8')) as {
      memory?: FunctionMemoryResult;
    };

    // Act
    const measured = memory?.functions ?? [];

    // Assess
    expect(measured.length).toBeGreaterThan(0);
    for (const entry of measured) {
      expect(FUNCTION_MEMORY_MB[entry.name], entry.name).toBeGreaterThanOrEqual(
        memoryForPeak(entry.peakRssMb)
      );
      expect(entry.peakRssMb * MEMORY_HEADROOM).toBeLessThanOrEqual(
        FUNCTION_MEMORY_MB[entry.name] ?? 0
      );
    }
  });
});
