/**
 * `GET /staff/notices`: every notice, newest first, in cursor pages read
 * from an index; staff only, and a cursor of any other list opens nothing.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { callApi } from '../support/http.ts';
import { eventually } from '../support/mailbox.ts';
import { staffCall } from '../support/staff-calls.ts';
import { signedInTenant, type Tenant } from '../support/tenants.ts';

const gateway = useGateway();
let tenant: Tenant;
let customerToken: string;
const tag = randomUUID().slice(0, 8);
const sentIds: string[] = [];

interface NoticeLine {
  id: string;
  subject: string;
  createdAt: string;
  status: string;
  accounts: number | null;
}

const send = async (subject: string) => {
  const sent = await staffCall(gateway.url, 'POST', '/staff/notices', {
    category: 'general',
    scope: { accountIds: [tenant.accountId] },
    subject,
    text: 'Dear {name}, nothing to do.',
  });
  expect(sent.status).toBe(202);
  return (sent.body as { id: string }).id;
};

beforeAll(async () => {
  ({ tenant, token: customerToken } = await signedInTenant('Noticelist'));
  // One after the other: their creation times order them.
  for (const n of [1, 2, 3]) sentIds.push(await send(`List ${tag} ${n}`));
}, 60_000);

describe('GET /staff/notices', () => {
  it('lists the notices newest first, page by page, each once', async () => {
    // Act: pages of two until the three notices of this run are all seen.
    const seen: NoticeLine[] = [];
    let cursor: string | null = null;
    do {
      const response = await staffCall(
        gateway.url,
        'GET',
        `/staff/notices?limit=2${cursor ? `&cursor=${cursor}` : ''}`
      );
      expect(response.status, response.text).toBe(200);
      seen.push(...(response.body.items as NoticeLine[]));
      cursor = response.body.cursor as string | null;
    } while (cursor && sentIds.some((id) => !seen.some((line) => line.id === id)));

    // Assess
    const ours = seen.filter((line) => line.subject.includes(tag));
    expect(ours.map((line) => line.id)).toEqual([...sentIds].reverse());
    const times = seen.map((line) => line.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set(seen.map((line) => line.id)).size).toBe(seen.length);
  });

  it('shows a notice addressed once the worker has reached its accounts', async () => {
    // Act
    const line = await eventually(async () => {
      const response = await staffCall(gateway.url, 'GET', '/staff/notices?limit=10');
      const found = (response.body.items as NoticeLine[]).find((item) => item.id === sentIds[0]);
      expect(found).toMatchObject({ status: 'addressed' });
      return found;
    }, 30_000);

    // Assess
    expect(line).toMatchObject({ accounts: 1, subject: `List ${tag} 1` });
  });

  it('never lists notices to a customer: a customer token is 401, with or without a cursor', async () => {
    // Prepare
    const page = await staffCall(gateway.url, 'GET', '/staff/notices?limit=1');
    const cursor = page.body.cursor as string;

    // Act
    const answers = await Promise.all([
      callApi(gateway.url, 'GET', '/staff/notices', { token: customerToken }),
      callApi(gateway.url, 'GET', `/staff/notices?limit=1&cursor=${cursor}`, {
        token: customerToken,
      }),
      callApi(gateway.url, 'GET', '/staff/notices', {}),
    ]);

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401]);
  });

  it('opens no cursor of another list, nor an altered one: 400, and bad limits are 400', async () => {
    // Prepare: a cursor the customer got from its own contacts list.
    const contacts = await callApi(
      gateway.url,
      'GET',
      `/accounts/${tenant.accountId}/contacts?limit=1`,
      { token: customerToken }
    );
    const foreign = contacts.body.cursor as string | null;
    const own = (await staffCall(gateway.url, 'GET', '/staff/notices?limit=1')).body
      .cursor as string;
    const altered = `${own.slice(0, -2)}${own.endsWith('AA') ? 'BB' : 'AA'}`;

    // Act
    const answers = await Promise.all(
      [...(foreign ? [foreign] : []), altered, 'not-a-cursor'].map((cursor) =>
        staffCall(gateway.url, 'GET', `/staff/notices?cursor=${cursor}`)
      )
    );
    const limits = await Promise.all(
      ['limit=0', 'limit=101', 'limit=two', 'order=asc'].map((query) =>
        staffCall(gateway.url, 'GET', `/staff/notices?${query}`)
      )
    );

    // Assess
    expect(foreign).not.toBeNull();
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400]);
    expect(answers[0]?.headers.get('content-type')).toContain('application/problem+json');
    expect(limits.map((answer) => answer.status)).toEqual([400, 400, 400, 400]);
  });
});
