import { describe, expect, it } from 'vitest';
import { contractViolations } from '../support/contract.ts';

const answer = (status: number, body?: unknown, contentType = 'application/json') => ({
  status,
  headers: new Headers(body === undefined ? {} : { 'content-type': contentType }),
  text: body === undefined ? '' : JSON.stringify(body),
});

describe('contractViolations', () => {
  it('accepts a listed status whose body matches its schema', () => {
    expect(contractViolations('GET', '/health', answer(200, { status: 'ok' }))).toEqual([]);
  });

  it('names a status the document does not list for the operation', () => {
    // Act
    const found = contractViolations('GET', '/health', answer(418, { status: 'ok' }));

    // Assess
    expect(found).toEqual(['GET /health answered 418, which the document does not list for it']);
  });

  it('names each way a body leaves its schema', () => {
    // Act
    const found = contractViolations(
      'GET',
      '/me?x=1',
      answer(200, { id: 'l-1', name: 'Ada', email: 'a@example.com', accounts: 'none' })
    );

    // Assess
    expect(found.join('\n')).toContain('GET /me 200 body');
    expect(found.length).toBeGreaterThanOrEqual(2);
  });

  it('holds problems to the Problem schema of their status (its types) and its media type', () => {
    // Prepare
    const problem = {
      type: 'https://portico.example/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'No.',
    };
    const conflict = { ...problem, type: 'https://portico.example/problems/contract-taken' };

    // Act
    const asJson = contractViolations('GET', '/accounts/a-1', answer(404, problem));
    const asProblem = contractViolations(
      'GET',
      '/accounts/a-1',
      answer(404, problem, 'application/problem+json')
    );
    const otherStatusType = contractViolations(
      'GET',
      '/accounts/a-1',
      answer(404, conflict, 'application/problem+json')
    );

    // Assess
    expect(asJson).toEqual([
      'GET /accounts/{accountId} 404 answered application/json, which the document does not list',
    ]);
    expect(asProblem).toEqual([]);
    expect(otherStatusType).toEqual([
      'GET /accounts/{accountId} 404 body/type must be equal to one of the allowed values',
    ]);
  });

  it('checks the headers a response must carry', () => {
    // Prepare
    const tooMany = answer(
      429,
      {
        type: 'https://portico.example/problems/rate-limited',
        title: 'Too many requests',
        status: 429,
        detail: 'Later.',
      },
      'application/problem+json'
    );

    // Act
    const found = contractViolations('POST', '/account-requests', tooMany);

    // Assess
    expect(found).toEqual(['POST /account-requests 429 lacks the required header Retry-After']);
  });

  it('names a header a client acts on that the document does not declare there', () => {
    // Prepare
    const withHeaders = (status: number, headers: Record<string, string>) => ({
      status,
      headers: new Headers(headers),
      text: '',
    });

    // Act
    const etagOnHealth = contractViolations('GET', '/health', {
      ...answer(200, { status: 'ok' }),
      headers: new Headers({ 'content-type': 'application/json', etag: '"1"' }),
    });
    const deleteWithEtag = contractViolations(
      'DELETE',
      '/accounts/a-1/contacts/c-1',
      withHeaders(204, { etag: '"2"' })
    );

    // Assess
    expect(etagOnHealth).toEqual([
      'GET /health 200 sends etag, which the document does not declare',
    ]);
    expect(deleteWithEtag).toEqual([
      'DELETE /accounts/{accountId}/contacts/{contactId} 204 sends etag, which the document does not declare',
    ]);
  });

  it('refuses a problem member the Problem schema does not declare', () => {
    // Prepare
    const problem = {
      type: 'https://portico.example/problems/contract-taken',
      title: 'Contract taken',
      status: 409,
      detail: 'Another account has it.',
      contractNumber: 'C-1',
    };

    // Act
    const declaredMember = contractViolations(
      'POST',
      '/staff/accounts',
      answer(409, problem, 'application/problem+json')
    );
    const strayMember = contractViolations(
      'POST',
      '/staff/accounts',
      answer(409, { ...problem, ownerAccountId: 'a-2' }, 'application/problem+json')
    );

    // Assess
    expect(declaredMember).toEqual([]);
    expect(strayMember.join('\n')).toContain('must NOT have additional properties');
  });

  it('has nothing to say about a request that names no operation', () => {
    expect(contractViolations('GET', '/no/such/route', answer(404, { message: 'x' }))).toEqual([]);
  });
});
