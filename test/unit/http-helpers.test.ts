import { describe, expect, it } from 'vitest';
import { problemFromError, problemResponse } from '#core/http/problem';
import { parseIfMatch } from '#core/http/stack';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  TooManyRequestsError,
  ValidationError,
} from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import { checkCursorKey } from '#core/table/db';

describe('parseIfMatch', () => {
  it('reads strong and weak ETags this API sends', () => {
    // Act & Assess
    expect(parseIfMatch('"7"')).toBe(7);
    expect(parseIfMatch('W/"12"')).toBe(12);
  });

  it('treats a missing header or * as no precondition', () => {
    // Act & Assess
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
  });

  it('rejects an ETag this API never sent with a 400', () => {
    // Act & Assess
    expect(() => parseIfMatch('abc')).toThrow(BadRequestError);
    expect(() => parseIfMatch('"1", "2"')).toThrow(BadRequestError);
  });
});

describe('checkCursorKey', () => {
  const expected = { partitionAttribute: 'pk', partitionValue: 'ACCOUNT#a1' };

  it('accepts a start key of the listing', () => {
    // Prepare
    const key = { pk: 'ACCOUNT#a1', sk: 'CONTACT#c9' };

    // Act & Assess
    expect(checkCursorKey(key, expected)).toEqual(key);
  });

  it('refuses a key of another partition, with other attributes or empty values', () => {
    // Prepare
    const keys: unknown[] = [
      { pk: 'ACCOUNT#other', sk: 'CONTACT#c1' },
      { pk: 'ACCOUNT#a1' },
      { pk: 'ACCOUNT#a1', sk: 'CONTACT#c1', gsi1pk: 'x' },
      { pk: 'ACCOUNT#a1', sk: '' },
      { pk: 'ACCOUNT#a1', sk: 7 },
      ['ACCOUNT#a1', 'CONTACT#c1'],
      null,
    ];

    // Act & Assess
    for (const key of keys) expect(() => checkCursorKey(key, expected)).toThrow(BadRequestError);
  });

  it('refuses a sort key the listing’s begins_with cannot reach', () => {
    // Prepare
    const contacts = { ...expected, sortRange: { attribute: 'sk', prefix: 'CONTACT#' } };

    // Act & Assess
    for (const sk of ['ACCOUNT', 'SERVICE#s1', 'CONTACT'])
      expect(() => checkCursorKey({ pk: 'ACCOUNT#a1', sk }, contacts)).toThrow(BadRequestError);
    expect(checkCursorKey({ pk: 'ACCOUNT#a1', sk: 'CONTACT#c1' }, contacts)).toBeDefined();
  });
});

describe('problemFromError', () => {
  it('keeps the members of a domain error', () => {
    // Prepare
    const error = new ForbiddenError(PROBLEM.areaNotGranted, 'No invoices for you.', {
      area: 'invoices',
      allowedAreas: ['profile'],
    });

    // Act
    const problem = problemFromError(error);

    // Assess
    expect(problem).toMatchObject({
      type: 'https://portico.example/problems/area-not-granted',
      status: 403,
      title: 'Area not granted',
      detail: 'No invoices for you.',
      area: 'invoices',
      allowedAreas: ['profile'],
    });
  });

  it('lists field errors for a validation failure', () => {
    // Act
    const problem = problemFromError(
      new ValidationError(PROBLEM.validationFailed, [
        { field: 'phone', code: 'pattern', message: 'Use E.164.' },
      ])
    );

    // Assess
    expect(problem.status).toBe(400);
    expect(problem.type).toBe('https://portico.example/problems/validation-failed');
    expect(problem.errors).toEqual([{ field: 'phone', code: 'pattern', message: 'Use E.164.' }]);
  });

  it('hides the message of an unexpected error behind a generic 500', () => {
    // Act
    const problem = problemFromError(new Error('connect ECONNREFUSED 10.0.0.1:8000'));

    // Assess
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('ECONNREFUSED');
  });
});

describe('problemResponse', () => {
  it('is never stored by caches, and a rate limit says when to come back', () => {
    // Act
    const limited = problemResponse(
      problemFromError(new TooManyRequestsError(PROBLEM.rateLimited, 'Slow down.', 42))
    );
    const forbidden = problemResponse(
      problemFromError(new ForbiddenError(PROBLEM.forbidden, 'No.'))
    );

    // Assess
    expect(limited.headers).toMatchObject({ 'cache-control': 'no-store', 'retry-after': '42' });
    expect(forbidden.headers).toMatchObject({ 'cache-control': 'no-store' });
    expect(forbidden.headers).not.toHaveProperty('retry-after');
  });
});

describe('error constructors', () => {
  it('take only problem types of their own status', () => {
    // Act
    const conflict = new ConflictError(PROBLEM.contractTaken, 'Taken.');
    // @ts-expect-error a 404 type is no conflict: the compiler refuses it, the runtime cannot
    const mistyped = new ConflictError(PROBLEM.notFound, 'Nothing.');

    // Assess
    expect(conflict).toMatchObject({ statusCode: 409, title: 'Contract taken' });
    expect(conflict.type).toBe('https://portico.example/problems/contract-taken');
    expect(mistyped.statusCode).toBe(404);
  });
});
