import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingOptionalEntries } from '../../scripts/lock-platform-packages.ts';

describe('package-lock.json', () => {
  it('locks every optional platform package, so npm ci accepts it (run npm run lock:platforms)', () => {
    // Prepare
    const lock = JSON.parse(
      readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')
    );

    // Act
    const missing = missingOptionalEntries(lock.packages);

    // Assess
    expect(missing).toEqual([]);
  });
});
