import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Invariant: these areas' services reach the table only through the store
 * they are given (their handlers pass the function's one), never through
 * the document client or an SDK command of their own.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const AREAS = ['functions/services', 'functions/contacts', 'functions/tickets'];

const servicesOf = (area: string) =>
  readdirSync(join(ROOT, area))
    .filter((name) => name.endsWith('.ts') && name !== 'handler.ts')
    .map((name) => `${area}/${name}`);

const CLIENT_IMPORT = /import\s*\{[^}]*\bdynamo\b[^}]*\}\s*from/;
const SDK_IMPORT = /from\s+['"]@aws-sdk\//;

describe('services on the table store', () => {
  it('import neither the document client nor an SDK command', () => {
    // Prepare
    const files = AREAS.flatMap(servicesOf);

    // Act
    const offenders = files.filter((file) => {
      const source = readFileSync(join(ROOT, file), 'utf8');
      return CLIENT_IMPORT.test(source) || SDK_IMPORT.test(source);
    });

    // Assess
    expect(files.length).toBeGreaterThan(12);
    expect(offenders).toEqual([]);
  });
});
