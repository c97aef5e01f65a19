/**
 * List cursors are opaque and bound: sealed for the list, the account and
 * the login they were issued to, so one shows no key and works nowhere else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import type { ApiResponse } from '../support/http.ts';
import { addService } from '../support/services.ts';
import {
  accessTokenFor,
  addContact,
  createTenant,
  joinAsSubAccount,
  type Tenant,
} from '../support/tenants.ts';
import { openTicketVia } from '../support/tickets.ts';

const gateway = useGateway();
const { api } = gateway;
let agency: Tenant;
let client: Tenant;
let agencyToken: string;
let clientToken: string;

beforeAll(async () => {
  [agency, client] = await Promise.all([createTenant('Agency'), createTenant('Client')]);
  // The agency's owner also works for the client: one login, two accounts.
  await joinAsSubAccount(client, agency, ['contacts', 'services']);
  for (const tenant of [agency, client]) {
    await Promise.all([addContact(tenant), addContact(tenant), addService(tenant)]);
    await addService(tenant);
  }
  [agencyToken, clientToken] = await Promise.all([
    accessTokenFor(agency.email),
    accessTokenFor(client.email),
  ]);
});

const firstCursor = async (path: string, token: string) => {
  const page = await api('GET', `${path}?limit=1`, { token });
  expect(page.status, page.text).toBe(200);
  const cursor = page.body.cursor;
  expect(typeof cursor).toBe('string');
  return cursor as string;
};

const expect400 = (response: ApiResponse) => {
  expect(response.status, response.text).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body.detail).toBe('The cursor is not valid for this list.');
};

describe('list cursors', () => {
  it('go on with the next page for the list and login they were issued to', async () => {
    // Prepare
    const contacts = `/accounts/${agency.accountId}/contacts`;
    const cursor = await firstCursor(contacts, agencyToken);

    // Act
    const next = await api('GET', `${contacts}?limit=1&cursor=${cursor}`, { token: agencyToken });

    // Assess
    expect(next.status, next.text).toBe(200);
    expect(next.body.items).toHaveLength(1);
  });

  it('refuse with 400 a cursor of one account’s list on another account’s list', async () => {
    // Prepare: the same login may read both accounts' contacts
    const cursor = await firstCursor(`/accounts/${agency.accountId}/contacts`, agencyToken);

    // Act
    const response = await api(
      'GET',
      `/accounts/${client.accountId}/contacts?limit=1&cursor=${cursor}`,
      { token: agencyToken }
    );

    // Assess
    expect400(response);
  });

  it('refuse with 400 a cursor issued to another login, on the same list', async () => {
    // Prepare
    const contacts = `/accounts/${client.accountId}/contacts`;
    const cursor = await firstCursor(contacts, clientToken);

    // Act
    const response = await api('GET', `${contacts}?limit=1&cursor=${cursor}`, {
      token: agencyToken,
    });

    // Assess
    expect400(response);
  });

  it('refuse with 400 a cursor of another list of the same account', async () => {
    // Prepare
    const a = agency.accountId;
    const cursor = await firstCursor(`/accounts/${a}/contacts`, agencyToken);

    // Act
    const responses = await Promise.all(
      ['services', 'domains', 'audit', 'invoices', 'tickets'].map((list) =>
        api('GET', `/accounts/${a}/${list}?limit=1&cursor=${cursor}`, { token: agencyToken })
      )
    );

    // Assess
    for (const response of responses) expect400(response);
  });

  it('show no key: no account, contact or ticket id, no key prefix', async () => {
    // Prepare
    const a = agency.accountId;
    const opened = [
      await openTicketVia(gateway.url, agencyToken, a),
      await openTicketVia(gateway.url, agencyToken, a),
    ];

    // Act
    const cursors = await Promise.all([
      firstCursor(`/accounts/${a}/contacts`, agencyToken),
      firstCursor(`/accounts/${a}/tickets`, agencyToken),
    ]);

    // Assess
    for (const cursor of cursors) {
      const decoded = Buffer.from(cursor, 'base64url').toString('latin1');
      for (const text of [cursor, decoded]) {
        expect(text).not.toContain(a);
        for (const ticket of opened) expect(text).not.toContain(ticket.id);
        expect(text).not.toMatch(/ACCOUNT|CONTACT|TICKET/);
      }
    }
  });
});
