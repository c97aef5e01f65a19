/**
 * Bad input that reaches DynamoDB's own limits must still be a 4xx
 * problem: cursors forged to lack the keys a page ends at (or with empty
 * key values), and path ids longer than any id this API hands out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import type { ApiResponse } from '../support/http.ts';
import { addService } from '../support/services.ts';
import { staffAccessToken } from '../support/staff.ts';
import { signedInTenant, type Tenant } from '../support/tenants.ts';

const { api } = useGateway();
let tenant: Tenant;
let token: string;
let staffToken: string;

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Malformed'));
  staffToken = await staffAccessToken();
});

const cursorOf = (key: Record<string, string>) =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

const expectProblem = (response: ApiResponse, status: number) => {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
};

describe('forged cursors', () => {
  it('answers 400 to a cursor of the right listing without the keys a page ends at', async () => {
    // Prepare
    const a = tenant.accountId;
    const lists = [
      [`/accounts/${a}/services`, { gsi1pk: `ACCOUNT#${a}#SERVICES` }, token],
      [`/accounts/${a}/tickets`, { gsi1pk: `ACCOUNT#${a}#TICKETS` }, token],
      ['/staff/tickets', { gsi2pk: 'TICKETS#open' }, staffToken],
      ['/staff/requesters?email=a@b.example', { gsi1pk: 'EMAIL#a@b.example' }, staffToken],
    ] as const;

    // Act
    const responses = await Promise.all(
      lists.map(([path, key, as]) =>
        api('GET', `${path}${path.includes('?') ? '&' : '?'}cursor=${cursorOf(key)}`, {
          token: as,
        })
      )
    );

    // Assess
    for (const response of responses) expectProblem(response, 400);
  });

  it('answers 400 to a cursor whose sort key lies outside its list', async () => {
    // Prepare: the right partition and key attributes, but not a key the list's query can reach
    const a = tenant.accountId;
    const voip = await addService(tenant, { type: 'voip' });
    const window = 'from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z';
    const forged = [
      [`/accounts/${a}/contacts?`, { pk: `ACCOUNT#${a}`, sk: 'ACCOUNT' }],
      [`/accounts/${a}/contacts?`, { pk: `ACCOUNT#${a}`, sk: `SERVICE#${voip.id}` }],
      [`/accounts/${a}/contacts?`, { pk: `ACCOUNT#${a}`, sk: 'TICKET#01J0000000000000000000000' }],
      [
        `/accounts/${a}/services/${voip.id}/calls?${window}&`,
        { pk: `USAGE#${a}#${voip.id}`, sk: 'CALL#2025-12-31T00:00:00.000Z#c1' },
      ],
      [
        `/accounts/${a}/services/${voip.id}/traffic?${window}&`,
        { pk: `USAGE#${a}#${voip.id}`, sk: 'CALL#2026-01-05T00:00:00.000Z#c1' },
      ],
    ] as const;

    // Act
    const responses = await Promise.all(
      forged.map(([path, key]) => api('GET', `${path}cursor=${cursorOf(key)}`, { token }))
    );

    // Assess
    for (const response of responses) expectProblem(response, 400);
  });

  it('answers 400 to a cursor whose key values are empty', async () => {
    // Prepare
    const a = tenant.accountId;
    const empty = { gsi1sk: '', pk: '', sk: '' };
    const invoices = cursorOf({ gsi1pk: `ACCOUNT#${a}#INVOICES`, ...empty });
    const services = cursorOf({ gsi1pk: `ACCOUNT#${a}#SERVICES`, ...empty });

    // Act
    const responses = await Promise.all([
      api('GET', `/accounts/${a}/invoices?cursor=${invoices}`, { token }),
      api('GET', `/accounts/${a}/services?cursor=${services}`, { token }),
    ]);

    // Assess
    for (const response of responses) expectProblem(response, 400);
  });
});

describe('path ids longer than any id', () => {
  it('answers 404 instead of handing DynamoDB an oversized key', async () => {
    // Prepare
    const a = tenant.accountId;
    const service = await addService(tenant, { type: 'voip' });
    const long = 'x'.repeat(1100);
    const calls: [string, string, string][] = [
      ['GET', `/accounts/${long}/services`, token],
      ['GET', `/accounts/${a}/services/${long}`, token],
      ['GET', `/accounts/${a}/domains/${long}`, token],
      ['PUT', `/accounts/${a}/services/${service.id}/support-contacts/${long}`, token],
      [
        'DELETE',
        `/accounts/${a}/services/${long}/support-contacts/${tenant.primaryContactId}`,
        token,
      ],
      ['GET', `/accounts/${a}/invoices/${long}`, token],
      ['GET', `/staff/external-ids/account/${'x'.repeat(2100)}`, staffToken],
    ];

    // Act
    const responses = await Promise.all(
      calls.map(([method, path, as]) => api(method, path, { token: as }))
    );
    const usage = await api('POST', `/staff/accounts/${a}/services/${'x'.repeat(2100)}/usage`, {
      token: staffToken,
      body: {
        calls: [
          {
            id: 'c1',
            startedAt: '2026-01-01T00:00:00Z',
            direction: 'inbound',
            from: '+441632960001',
            to: '+441632960002',
            durationSeconds: 1,
          },
        ],
      },
    });

    // Assess
    for (const response of [...responses, usage]) expectProblem(response, 404);
  });
});
