import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '#core/db';
import {
  BadRequestError,
  ForbiddenError,
  TooManyRequestsError,
  ValidationError,
} from '#core/errors';
import { problemFromError, problemResponse } from '#core/http/problem';
import { parseIfMatch } from '#core/http/stack';

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

describe('cursor', () => {
  const expected = { partitionAttribute: 'pk', partitionValue: 'ACCOUNT#a1' };

  it('round-trips a LastEvaluatedKey', () => {
    // Prepare
    const key = { pk: 'ACCOUNT#a1', sk: 'CONTACT#c9' };

    // Act
    const cursor = encodeCursor(key);

    // Assess
    expect(cursor).not.toBeNull();
    expect(decodeCursor(cursor ?? undefined, expected)).toEqual(key);
  });

  it('is null on the last page', () => {
    expect(encodeCursor(undefined)).toBeNull();
  });

  it('refuses a cursor that points into another partition', () => {
    // Prepare
    const foreign = encodeCursor({ pk: 'ACCOUNT#other', sk: 'CONTACT#c1' }) ?? '';

    // Act & Assess
    expect(() => decodeCursor(foreign, expected)).toThrow(BadRequestError);
    expect(() => decodeCursor('not-base64-json', expected)).toThrow(BadRequestError);
  });

  it('refuses a sort key the listing’s begins_with cannot reach', () => {
    // Prepare
    const contacts = { ...expected, sortPrefix: { attribute: 'sk', prefix: 'CONTACT#' } };
    const outside = ['ACCOUNT', 'SERVICE#s1', 'CONTACT'].map(
      (sk) => encodeCursor({ pk: 'ACCOUNT#a1', sk }) ?? ''
    );

    // Act & Assess
    for (const cursor of outside)
      expect(() => decodeCursor(cursor, contacts)).toThrow(BadRequestError);
    const inside = encodeCursor({ pk: 'ACCOUNT#a1', sk: 'CONTACT#c1' }) ?? '';
    expect(decodeCursor(inside, contacts)).toEqual({ pk: 'ACCOUNT#a1', sk: 'CONTACT#c1' });
  });
});

describe('problemFromError', () => {
  it('keeps the members of a domain error', () => {
    // Prepare
    const error = new ForbiddenError('No invoices for you.', {
      area: 'invoices',
      allowedAreas: ['profile'],
    });

    // Act
    const problem = problemFromError(error);

    // Assess
    expect(problem).toMatchObject({
      status: 403,
      title: 'Forbidden',
      detail: 'No invoices for you.',
      area: 'invoices',
      allowedAreas: ['profile'],
    });
    expect(problem.type).toMatch(/^https:\/\//);
  });

  it('lists field errors for a validation failure', () => {
    // Act
    const problem = problemFromError(
      new ValidationError([{ field: 'phone', message: 'Use E.164.' }])
    );

    // Assess
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([{ field: 'phone', message: 'Use E.164.' }]);
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
    const limited = problemResponse(problemFromError(new TooManyRequestsError('Slow down.', 42)));
    const forbidden = problemResponse(problemFromError(new ForbiddenError('No.')));

    // Assess
    expect(limited.headers).toMatchObject({ 'cache-control': 'no-store', 'retry-after': '42' });
    expect(forbidden.headers).toMatchObject({ 'cache-control': 'no-store' });
    expect(forbidden.headers).not.toHaveProperty('retry-after');
  });
});
