import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Invariant: services reach the table only through the store they are
 * given (their handlers, and the outbox's stream handler, pass the
 * function's one), never through the document client or a DynamoDB command
 * of their own. The first areas use no SDK at all; the others still call
 * Cognito, SES or S3 through their platform clients, but not DynamoDB.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const WITHOUT_SDK = ['functions/services', 'functions/contacts', 'functions/tickets'];
const WITHOUT_DYNAMODB = [
  'functions/me',
  'functions/logins',
  'functions/account',
  'functions/outbox',
  'functions/staff',
  'functions/billing',
  'functions/core/db',
  'functions/core/workflows',
];
const CORE_ACCESS = [
  'functions/core/access/authorization.ts',
  'functions/core/access/login-sessions.ts',
];

const servicesOf = (area: string) =>
  readdirSync(join(ROOT, area))
    .filter((name) => name.endsWith('.ts') && name !== 'handler.ts')
    .map((name) => `${area}/${name}`);

const CLIENT_IMPORT = /import\s*\{[^}]*\bdynamo\b[^}]*\}\s*from/;
const CLIENT_CALL = /\bdynamo\.send\(/;
const SDK_IMPORT = /from\s+['"]@aws-sdk\//;
const DYNAMODB_SDK_IMPORT = /from\s+['"]@aws-sdk\/(client|lib|util)-dynamodb['"]/;

const offendersOf = (files: string[], sdk: RegExp) =>
  files.filter((file) => {
    const source = readFileSync(join(ROOT, file), 'utf8');
    return CLIENT_IMPORT.test(source) || CLIENT_CALL.test(source) || sdk.test(source);
  });

describe('services on the table store', () => {
  it('import neither the document client nor an SDK command', () => {
    // Prepare
    const files = WITHOUT_SDK.flatMap(servicesOf);

    // Act
    const offenders = offendersOf(files, SDK_IMPORT);

    // Assess
    expect(files.length).toBeGreaterThan(12);
    expect(offenders).toEqual([]);
  });

  it('of the other areas, core access, transactions and workflows use neither the document client nor a DynamoDB package', () => {
    // Prepare
    const files = [...WITHOUT_DYNAMODB.flatMap(servicesOf), ...CORE_ACCESS];

    // Act
    const offenders = offendersOf(files, DYNAMODB_SDK_IMPORT);

    // Assess
    expect(files.length).toBeGreaterThan(40);
    expect(offenders).toEqual([]);
  });
});
