/**
 * What the functions log while they answer real requests through the local
 * gateway (same process, so the logger's sink sees every line of every
 * level): each line names the request, and the login and account once
 * known; no line holds an address, a name, a phone number, a password, a
 * token or a request body, whoever sends the request and however it ends.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '#core/platform/observability';
import { useGateway } from '../support/gateway.ts';
import { staffAccessToken } from '../support/staff.ts';
import {
  accessTokenFor,
  addContact,
  addSubAccountLogin,
  createTenant,
  TEST_PASSWORD,
  type Tenant,
} from '../support/tenants.ts';

const { api } = useGateway();
type Line = Record<string, unknown>;
const lines: Line[] = [];
const stopCapture = logger.addSink((line) => lines.push(line));
afterAll(stopCapture);

let owner: Tenant;
let stranger: Tenant;
let ownerToken: string;
let strangerToken: string;
const suffix = randomUUID().slice(0, 8);
/** Personal data the requests below carry; none of it may reach a log line. */
const secrets = {
  newFirstName: `Quillon${suffix}`,
  newLastName: `Marchbanks${suffix}`,
  newEmail: `quillon-${suffix}@elsewhere.example`,
  newPhone: '+441632960777',
  street: `${suffix} Privacy Row`,
  grantedPassword: `Granted-${suffix}-2026!`,
  requestEmail: `asker-${suffix}@elsewhere.example`,
};

beforeAll(async () => {
  [owner, stranger] = await Promise.all([createTenant('Logco'), createTenant('Snoop')]);
  [ownerToken, strangerToken] = await Promise.all([
    accessTokenFor(owner.email),
    accessTokenFor(stranger.email),
  ]);
});

/** Sends one request (sequentially: lines are told apart by when they were written) and returns its lines. */
const linesOf = async (send: () => Promise<{ status: number }>) => {
  const from = lines.length;
  const response = await send();
  return { status: response.status, written: lines.slice(from) };
};

/** Every line names the request; the last one says how it ended. */
const expectRequestLines = (written: Line[], status: number, ids: Record<string, string>) => {
  expect(written.length).toBeGreaterThan(0);
  const requestId = written[0]?.requestId;
  expect(requestId).toEqual(expect.any(String));
  for (const line of written) expect(line.requestId).toBe(requestId);
  const done = written.at(-1);
  expect(done).toMatchObject({ message: 'request done', status, ...ids });
};

const expectNoPersonalData = (written: Line[], more: string[] = []) => {
  const text = JSON.stringify(written).toLowerCase();
  const forbidden = [
    ...Object.values(secrets),
    owner.email,
    stranger.email,
    owner.name,
    TEST_PASSWORD,
    ownerToken,
    strangerToken,
    ...more,
  ];
  for (const value of forbidden) expect(text, value).not.toContain(value.toLowerCase());
};

describe('request logs', () => {
  it('a member route: every line carries the request, the login and the account, and no body field', async () => {
    // Act
    const { status, written } = await linesOf(() =>
      api('PATCH', `/accounts/${owner.accountId}`, {
        token: ownerToken,
        body: {
          firstName: secrets.newFirstName,
          lastName: secrets.newLastName,
          phone: secrets.newPhone,
        },
      })
    );

    // Assess
    expect(status).toBe(200);
    expectRequestLines(written, 200, { loginId: owner.loginId, accountId: owner.accountId });
    for (const line of written) expect(line).toMatchObject({ loginId: owner.loginId });
    expectNoPersonalData(written);
  });

  it('a refused body (400) logs its problem type, not the fields it refused', async () => {
    // Act
    const { status, written } = await linesOf(() =>
      api('POST', `/accounts/${owner.accountId}/contacts`, {
        token: ownerToken,
        body: {
          firstName: secrets.newFirstName,
          lastName: secrets.newLastName,
          email: secrets.newEmail,
          phone: 'call me maybe',
          address: { line1: secrets.street, city: 'York', postcode: 'YO1 7HH', country: 'GB' },
        },
      })
    );

    // Assess
    expect(status).toBe(400);
    expectRequestLines(written, 400, { loginId: owner.loginId, accountId: owner.accountId });
    expect(written.at(-1)?.problem).toEqual(expect.any(String));
    expectNoPersonalData(written);
  });

  it('a password set for a sub-account never reaches a log line', async () => {
    // Prepare
    const { contactId, email } = await addContact(owner);

    // Act
    const { status, written } = await linesOf(() =>
      api('PUT', `/accounts/${owner.accountId}/contacts/${contactId}/sub-account`, {
        token: ownerToken,
        body: { permissions: ['profile'], password: secrets.grantedPassword },
      })
    );

    // Assess
    expect(status).toBe(200);
    expectRequestLines(written, 200, { loginId: owner.loginId, accountId: owner.accountId });
    expectNoPersonalData(written, [email]);
  });

  it('a login route (GET /me) carries the login id, and nothing of what it answers', async () => {
    // Act
    const { status, written } = await linesOf(() => api('GET', '/me', { token: ownerToken }));

    // Assess
    expect(status).toBe(200);
    expectRequestLines(written, 200, { loginId: owner.loginId });
    expect(written.at(-1)?.accountId).toBeUndefined();
    expectNoPersonalData(written);
  });

  it('a public route logs the request, not the address it was asked about', async () => {
    // Act
    const { status, written } = await linesOf(() =>
      api('POST', '/account-requests', {
        body: { contractNumber: owner.contractNumber, email: secrets.requestEmail },
      })
    );

    // Assess
    expect(status).toBe(202);
    expectRequestLines(written, 202, {});
    expect(written.at(-1)?.loginId).toBeUndefined();
    expectNoPersonalData(written);
  });

  it('a staff route carries the staff login id, and none of the account it reads', async () => {
    // Prepare
    const staffToken = await staffAccessToken();

    // Act
    const { status, written } = await linesOf(() =>
      api('GET', `/staff/accounts/${owner.accountId}`, { token: staffToken })
    );

    // Assess
    expect(status).toBe(200);
    expectRequestLines(written, 200, { caller: 'staff', accountId: owner.accountId });
    expect(written.at(-1)?.loginId).toEqual(expect.any(String));
    expectNoPersonalData(written, [staffToken]);
  });
});

describe('attacks leave a trail of ids, not data', () => {
  it('a customer of another account probing this one (404) is logged with its own login id and the account it tried', async () => {
    // Act
    const { status, written } = await linesOf(() =>
      api('GET', `/accounts/${owner.accountId}/contacts`, { token: strangerToken })
    );

    // Assess
    expect(status).toBe(404);
    expectRequestLines(written, 404, { loginId: stranger.loginId, accountId: owner.accountId });
    expectNoPersonalData(written);
  });

  it('a lesser sub-account refused an area (403) is logged with its login id and problem type, not the primary it names', async () => {
    // Prepare
    const sub = await addSubAccountLogin(owner, ['tickets']);
    const subToken = await accessTokenFor(sub.email);

    // Act
    const { status, written } = await linesOf(() =>
      api('GET', `/accounts/${owner.accountId}/invoices`, { token: subToken })
    );

    // Assess
    expect(status).toBe(403);
    expectRequestLines(written, 403, { loginId: sub.loginId, accountId: owner.accountId });
    expect(written.at(-1)?.problem).toEqual(expect.any(String));
    expectNoPersonalData(written, [sub.email, subToken]);
  });
});
