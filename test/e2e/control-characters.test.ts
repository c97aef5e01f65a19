/**
 * Text a customer typed cannot carry control or text-direction characters:
 * a name with a CRLF (header injection in a mail) or a bidi override
 * (text that displays other than it reads) is a 400 naming the field, and
 * nothing is written. Ticket bodies keep their line breaks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import type { ApiResponse } from '../support/http.ts';
import { signedInTenant, type Tenant } from '../support/tenants.ts';

const { api } = useGateway();
let tenant: Tenant;
let token: string;

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Plaintext'));
});

const expectFieldRefused = (response: ApiResponse, field: string) => {
  expect(response.status, response.text).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
};

describe('single-line text', () => {
  it('refuses a name with a CRLF with 400 naming the field, and writes nothing', async () => {
    // Prepare
    const path = `/accounts/${tenant.accountId}`;
    const before = await api('GET', path, { token });

    // Act
    const response = await api('PATCH', path, {
      token,
      body: { firstName: 'Alex\r\nBcc: everyone@example.com' },
    });

    // Assess
    expectFieldRefused(response, 'firstName');
    const after = await api('GET', path, { token });
    expect(after.body).toEqual(before.body);
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    const audit = await api('GET', `${path}/audit`, { token });
    expect(audit.body.items).toEqual([]);
  });

  it('refuses a bidi override in a new contact’s address, and adds no contact', async () => {
    // Prepare
    const path = `/accounts/${tenant.accountId}/contacts`;
    const before = await api('GET', path, { token });

    // Act
    const response = await api('POST', path, {
      token,
      body: {
        firstName: 'Plain',
        lastName: 'Contact',
        email: 'plain@elsewhere.example',
        phone: '+441632960123',
        address: { line1: '1 Road', city: 'Leeds\u202eexe.', postcode: 'LS1 2AB', country: 'GB' },
      },
    });

    // Assess
    expectFieldRefused(response, 'address.city');
    const after = await api('GET', path, { token });
    expect(after.body.items).toEqual(before.body.items);
  });

  it('refuses a ticket subject with a line break, and opens no ticket', async () => {
    // Prepare
    const path = `/accounts/${tenant.accountId}/tickets`;

    // Act
    const response = await api('POST', path, {
      token,
      body: { subject: 'Help\nX-Priority: 1', body: 'The site is down.' },
    });

    // Assess
    expectFieldRefused(response, 'subject');
    const list = await api('GET', path, { token });
    expect(list.body.items).toEqual([]);
  });
});

describe('multi-line text', () => {
  it('keeps line breaks and tabs in a ticket body, and refuses other control characters', async () => {
    // Prepare
    const path = `/accounts/${tenant.accountId}/tickets`;
    const body = 'Since 9:00:\r\n\t- info@ bounces\n\t- sales@ too';

    // Act
    const opened = await api('POST', path, { token, body: { subject: 'Mail', body } });
    const refused = await api('POST', `${path}/${opened.body.id}/replies`, {
      token,
      body: { body: 'Escape \u001b[2J sequence' },
    });

    // Assess
    expect(opened.status, opened.text).toBe(201);
    expect((opened.body.messages as { body: string }[])[0]?.body).toBe(body);
    expectFieldRefused(refused, 'body');
    const ticket = await api('GET', `${path}/${opened.body.id}`, { token });
    expect(ticket.body.messages).toHaveLength(1);
  });
});
