/** Listing an account's tickets: paging, the status filter, refused queries and cursors. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readPages } from '../support/http.ts';
import { accessTokenFor, createTenant, type Tenant } from '../support/tenants.ts';
import { openTicketVia, useTicketTenant } from '../support/tickets.ts';

const holder = useTicketTenant('Ticketco');
const { api, tickets, open, gateway } = holder;

describe('GET /accounts/{accountId}/tickets', () => {
  let listed: Tenant;
  let listedToken: string;
  const opened: string[] = [];

  beforeAll(async () => {
    listed = await createTenant('Ticketlist');
    listedToken = await accessTokenFor(listed.email);
    for (const subject of ['First', 'Second', 'Third', 'Fourth', 'Fifth']) {
      opened.push(
        (await openTicketVia(gateway.url, listedToken, listed.accountId, { subject })).id
      );
    }
    // Activity moves a ticket to the top: the first one is now the newest.
    await gateway.api('POST', `/accounts/${listed.accountId}/tickets/${opened[0]}/close`, {
      token: listedToken,
    });
  });

  const list = (query: string) =>
    gateway.api('GET', `/accounts/${listed.accountId}/tickets?${query}`, {
      token: listedToken,
    });

  it('pages through every ticket, newest activity first, without messages', async () => {
    // Act
    const pages = await readPages<{ id: string; messages?: unknown }>((andCursor) =>
      list(`limit=2${andCursor}`)
    );

    // Assess
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    const ids = pages.flat().map((ticket) => ticket.id);
    expect(ids).toEqual([opened[0], opened[4], opened[3], opened[2], opened[1]]);
    expect(pages.flat().some((ticket) => 'messages' in ticket)).toBe(false);
  });

  it('filters by status', async () => {
    // Act
    const closed = await list('status=closed');
    const open = await list('status=open&limit=3');

    // Assess
    expect((closed.body.items as { id: string }[]).map((t) => t.id)).toEqual([opened[0]]);
    expect(closed.body.cursor).toBeNull();
    expect((open.body.items as { id: string }[]).map((t) => t.id)).toEqual([
      opened[4],
      opened[3],
      opened[2],
    ]);
    const rest = await list(`status=open&limit=3&cursor=${open.body.cursor}`);
    expect((rest.body.items as { id: string }[]).map((t) => t.id)).toEqual([opened[1]]);
    expect(rest.body.cursor).toBeNull();
  });

  it.each([
    ['an unknown status', 'status=pending', 'status'],
    ['a limit of 0', 'limit=0', 'limit'],
    ['an unknown parameter', 'sort=asc', 'sort'],
  ])('refuses %s with 400', async (_case, query, field) => {
    // Act
    const response = await list(query);

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
  });

  it('refuses a cursor of another list with 400', async () => {
    // Prepare: another account with two tickets, so its first page of one has a cursor
    await open();
    await open();
    const foreignCursor = (await api('GET', `${tickets()}?limit=1`)).body.cursor as string;

    // Act
    const response = await list(`cursor=${foreignCursor}`);

    // Assess
    expect(foreignCursor).toBeTruthy();
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
