/**
 * Opening tickets is limited per login (TICKET_OPENING_LIMIT): the token is
 * taken in the ticket's own transaction, so a refused opening writes
 * nothing and an idempotent replay spends nothing.
 */
import { describe, expect, it } from 'vitest';
import { TICKET_OPENING_LIMIT } from '../../functions/tickets/service.ts';
import { inFreshWindow } from '../support/clock.ts';
import { useGateway } from '../support/gateway.ts';
import { problemType } from '../support/problems.ts';
import { signedInTenant } from '../support/tenants.ts';
import { openTicketVia } from '../support/tickets.ts';

const gateway = useGateway();
const { limit, windowSeconds } = TICKET_OPENING_LIMIT;

const openMany = async (token: string, accountId: string, count: number) => {
  for (let n = 0; n < count; n += 1) await openTicketVia(gateway.url, token, accountId);
};

const ticketCount = async (token: string, accountId: string) => {
  const list = await gateway.api('GET', `/accounts/${accountId}/tickets?limit=100`, { token });
  return (list.body.items as unknown[]).length;
};

describe('POST /accounts/{accountId}/tickets rate limit', () => {
  it('refuses the opening past the limit with 429, Retry-After, and writes nothing', async () => {
    // Prepare
    const { tenant, token } = await signedInTenant('Ratelimit');
    inFreshWindow(windowSeconds);
    await openMany(token, tenant.accountId, limit);

    // Act
    const refused = await gateway.api('POST', `/accounts/${tenant.accountId}/tickets`, {
      token,
      body: { subject: 'One too many', body: 'This one is over the limit.' },
    });

    // Assess
    expect(refused.status, refused.text).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
    expect(refused.body).toMatchObject({
      type: problemType('rateLimited'),
      status: 429,
      retryAfterSeconds: retryAfter,
    });
    expect(await ticketCount(token, tenant.accountId)).toBe(limit);
  }, 90_000);

  it('spends no token on an Idempotency-Key replay', async () => {
    // Prepare: one opening left after the keyed one
    const { tenant, token } = await signedInTenant('Ratereplay');
    const path = `/accounts/${tenant.accountId}/tickets`;
    const keyed = {
      token,
      headers: { 'idempotency-key': 'rate-limit-replay-0001' },
      body: { subject: 'Keyed', body: 'Sent twice by a retrying client.' },
    };
    inFreshWindow(windowSeconds);
    await openMany(token, tenant.accountId, limit - 2);
    const first = await gateway.api('POST', path, keyed);

    // Act
    const replays = [
      await gateway.api('POST', path, keyed),
      await gateway.api('POST', path, keyed),
    ];
    const last = await openTicketVia(gateway.url, token, tenant.accountId);
    const refused = await gateway.api('POST', path, { token, body: keyed.body });

    // Assess
    expect(first.status, first.text).toBe(201);
    for (const replay of replays) {
      expect(replay.status, replay.text).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body.id).toBe(first.body.id);
    }
    expect(last.status).toBe(201);
    expect(refused.status, refused.text).toBe(429);
    expect(await ticketCount(token, tenant.accountId)).toBe(limit);
  }, 90_000);
});
