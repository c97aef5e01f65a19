/**
 * Bad input that reaches DynamoDB's own limits must still be a 4xx
 * problem: cursors forged to lack the keys a page ends at, with empty key
 * values or a sort key outside the list (sealed with the functions' own key,
 * as if it had leaked), and path ids longer than any id this API hands out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type CursorOwner, sealCursor } from '#core/db/cursor';
import { useGateway } from '../support/gateway.ts';
import type { ApiResponse } from '../support/http.ts';
import { addService } from '../support/services.ts';
import { staffAccessToken, testStaffLogin } from '../support/staff.ts';
import { signedInTenant, type Tenant } from '../support/tenants.ts';

const { api } = useGateway();
let tenant: Tenant;
let token: string;
let staffToken: string;
let member: CursorOwner;
let staff: CursorOwner;

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Malformed'));
  staffToken = await staffAccessToken();
  member = { kind: 'member', loginId: tenant.loginId };
  staff = { kind: 'staff', staffId: (await testStaffLogin()).staffId };
});

/**
 * A cursor sealed with the functions' own key for the list, partition and
 * caller it is sent with: it opens, so what is tested is the key inside.
 */
const sealedFor = (
  list: string,
  owner: CursorOwner,
  partition: [attribute: string, value: string],
  key: Record<string, string>
) =>
  sealCursor(key, {
    list,
    owner,
    partitionAttribute: partition[0],
    partitionValue: partition[1],
  }) ?? '';

const expectProblem = (response: ApiResponse, status: number) => {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
};

const withCursor = (path: string, cursor: string) =>
  `${path}${path.includes('?') ? '&' : '?'}cursor=${cursor}`;

describe('forged cursors', () => {
  it('answers 400 to a cursor of the right listing without the keys a page ends at', async () => {
    // Prepare
    const a = tenant.accountId;
    const services = `ACCOUNT#${a}#SERVICES`;
    const tickets = `ACCOUNT#${a}#TICKETS`;
    const lists = [
      [
        `/accounts/${a}/services`,
        sealedFor('services', member, ['gsi1pk', services], { gsi1pk: services }),
        token,
      ],
      [
        `/accounts/${a}/tickets`,
        sealedFor('tickets', member, ['gsi1pk', tickets], { gsi1pk: tickets }),
        token,
      ],
      [
        '/staff/tickets',
        sealedFor('staff-tickets#newest#open', staff, ['gsi2pk', 'TICKETQUEUE#waiting'], {
          gsi2pk: 'TICKETQUEUE#waiting',
        }),
        staffToken,
      ],
      [
        '/staff/requesters?email=a@b.example',
        sealedFor('requesters', staff, ['gsi1pk', 'EMAIL#a@b.example'], {
          gsi1pk: 'EMAIL#a@b.example',
        }),
        staffToken,
      ],
    ] as const;

    // Act
    const responses = await Promise.all(
      lists.map(([path, cursor, as]) => api('GET', withCursor(path, cursor), { token: as }))
    );

    // Assess
    for (const response of responses) expectProblem(response, 400);
  });

  it('answers 400 to a cursor whose sort key lies outside its list', async () => {
    // Prepare: the right partition and key attributes, but not a key the list's query can reach
    const a = tenant.accountId;
    const voip = await addService(tenant, { type: 'voip' });
    const window = 'from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z';
    const byName = `ACCOUNT#${a}#CONTACTS`;
    /** A contacts cursor: the account partition's keys, and the name index's unless `tableOnly`. */
    const contacts = (sk: string, tableOnly = false) =>
      sealedFor('contacts', member, ['gsi2pk', byName], {
        pk: `ACCOUNT#${a}`,
        sk,
        ...(tableOnly ? {} : { gsi2pk: byName, gsi2sk: `m\u0001m\u0001${sk}` }),
      });
    const usage = (list: string, sk: string) =>
      sealedFor(list, member, ['pk', `USAGE#${a}#${voip.id}`], { pk: `USAGE#${a}#${voip.id}`, sk });
    const forged = [
      [`/accounts/${a}/contacts`, contacts('ACCOUNT', true)],
      [`/accounts/${a}/contacts`, contacts(`SERVICE#${voip.id}`, true)],
      [
        `/accounts/${a}/services/${voip.id}/calls?${window}`,
        usage('calls', 'CALL#2025-12-31T00:00:00.000Z#c1'),
      ],
      [
        `/accounts/${a}/services/${voip.id}/traffic?${window}`,
        usage('traffic', 'CALL#2026-01-05T00:00:00.000Z#c1'),
      ],
    ] as const;
    // The same forging inside the lists opens: the refusals above are the key checks.
    const inside = [
      [`/accounts/${a}/contacts`, contacts('CONTACT#x')],
      [
        `/accounts/${a}/services/${voip.id}/calls?${window}`,
        usage('calls', 'CALL#2026-01-05T00:00:00.000Z#c1'),
      ],
    ] as const;

    // Act
    const responses = await Promise.all(
      forged.map(([path, cursor]) => api('GET', withCursor(path, cursor), { token }))
    );
    const accepted = await Promise.all(
      inside.map(([path, cursor]) => api('GET', withCursor(path, cursor), { token }))
    );

    // Assess
    for (const response of responses) expectProblem(response, 400);
    for (const response of accepted) expect(response.status, response.text).toBe(200);
  });

  it('answers 400 to a cursor whose key values are empty', async () => {
    // Prepare
    const a = tenant.accountId;
    const empty = { gsi1sk: '', pk: '', sk: '' };
    const invoicesPk = `ACCOUNT#${a}#INVOICES`;
    const servicesPk = `ACCOUNT#${a}#SERVICES`;
    const invoices = sealedFor('invoices', member, ['gsi1pk', invoicesPk], {
      gsi1pk: invoicesPk,
      ...empty,
    });
    const services = sealedFor('services', member, ['gsi1pk', servicesPk], {
      gsi1pk: servicesPk,
      ...empty,
    });

    // Act
    const responses = await Promise.all([
      api('GET', `/accounts/${a}/invoices?cursor=${invoices}`, { token }),
      api('GET', `/accounts/${a}/services?cursor=${services}`, { token }),
    ]);

    // Assess
    for (const response of responses) expectProblem(response, 400);
  });

  it('answers 400 to a cursor that was not sealed by the API', async () => {
    // Prepare: a well-shaped key in plain base64url, as cursors used to be
    const a = tenant.accountId;
    const plain = Buffer.from(JSON.stringify({ pk: `ACCOUNT#${a}`, sk: 'CONTACT#' })).toString(
      'base64url'
    );

    // Act
    const response = await api('GET', `/accounts/${a}/contacts?cursor=${plain}`, { token });

    // Assess
    expectProblem(response, 400);
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
