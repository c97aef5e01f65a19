/**
 * A ticket about a service is checked twice: against the membership as the
 * request read it, and again inside the ticket's transaction. Here the
 * support assignment is reset between the two (the caller holds the stale
 * membership), and the transaction refuses the ticket.
 */
import { describe, expect, it } from 'vitest';
import { membershipKeys } from '#core/entities/membership';
import { ticketsOfAccountQuery } from '#core/entities/ticket';
import { tableStore } from '#core/table/function-store';
import { openTicket } from '../../functions/tickets/service.ts';
import { addService, membershipOf } from '../support/services.ts';
import { addSubAccountLogin, createTenant } from '../support/tenants.ts';

describe('opening a ticket about a service while its support is reset', () => {
  it('refuses the ticket and writes nothing when the membership no longer reaches the service', async () => {
    // Prepare
    const tenant = await createTenant('Raceco');
    const service = await addService(tenant);
    const isolated = await addSubAccountLogin(tenant, ['tickets'], 'active', {
      scope: 'isolated',
      services: [service],
    });
    const asRead = await membershipOf(tenant, isolated.loginId);
    if (!asRead) throw new Error('no membership');
    const caller = {
      kind: 'member' as const,
      loginId: isolated.loginId,
      authTime: Math.floor(Date.now() / 1000),
      membership: asRead,
    };
    // The reset lands after the request read the membership.
    await tableStore.update({
      Key: membershipKeys({ loginId: isolated.loginId, accountId: tenant.accountId }),
      UpdateExpression: 'SET supportServiceIds = :none',
      ExpressionAttributeValues: { ':none': [] },
    });

    // Act
    const opening = openTicket(tableStore, caller, {
      subject: 'About the VPS',
      body: 'Is it down?',
      serviceId: service.id,
    });

    // Assess
    await expect(opening).rejects.toMatchObject({ statusCode: 403 });
    const { items } = await tableStore.query(
      ticketsOfAccountQuery(tenant.accountId, { limit: 10 })
    );
    expect(items).toHaveLength(0);
  });
});
