/**
 * Test helpers for tickets: open one through the API, and read what was
 * stored (messages with their Message-IDs, markers, events) straight from
 * DynamoDB Local through the entity builders.
 */

import { beforeAll } from 'vitest';
import { writeTogether } from '#core/db/transact';
import { getMessageIdMarkerCommand } from '#core/entities/message-id';
import { ticketConversationQuery, ticketKeys } from '#core/entities/ticket';
import { fromTicketEventItem, ticketEventsQuery } from '#core/entities/ticket-event';
import { getTicketLocatorCommand } from '#core/entities/ticket-locator';
import { fromTicketMessageItem, isTicketMessageItem } from '#core/entities/ticket-message';
import { tableStore } from '#core/table/function-store';
import { MAX_MESSAGES, submitTicket } from '../../functions/core/workflows/ticket-conversation.ts';
import { useGateway } from './gateway.ts';
import { type ApiResponse, type CallOptions, callApi } from './http.ts';
import { signedInTenant, type Tenant } from './tenants.ts';

/** The Message-ID every ticket message gets: a lowercase ULID at the local mail domain. */
export const MESSAGE_ID = /^<[0-9a-z]{26}@portico\.example>$/;

export const openTicketVia = async (
  baseUrl: string,
  token: string,
  accountId: string,
  body: Record<string, unknown> = {}
): Promise<ApiResponse & { id: string }> => {
  const response = await callApi(baseUrl, 'POST', `/accounts/${accountId}/tickets`, {
    token,
    body: { subject: 'Website down', body: 'Since 9:00 the site answers 502.', ...body },
  });
  if (response.status !== 201) throw new Error(`Opening a ticket failed: ${response.text}`);
  return { ...response, id: response.body.id as string };
};

/**
 * A ticket of the tenant's primary contact, written with the same
 * transaction the API writes, for tests that need many tickets of one login
 * and are not about opening them (the API limits openings per login).
 */
export const storeTicket = async (tenant: Tenant): Promise<{ id: string }> => {
  const change = submitTicket(
    {
      accountId: tenant.accountId,
      subject: 'Website down',
      department: 'technical',
      body: 'Since 9:00 the site answers 502.',
    },
    { kind: 'contact', contactId: tenant.primaryContactId, name: tenant.name, email: tenant.email },
    new Date()
  );
  await writeTogether(change.writes, () => new Error('storing the ticket failed'), tableStore);
  return { id: change.ticket.id };
};

/**
 * Leaves a ticket counting the most messages one ticket takes, as 99 more
 * replies would (test setup only: the next reply must be refused).
 */
export const fillTicket = (accountId: string, ticketId: string) =>
  tableStore.update({
    Key: ticketKeys({ accountId, ticketId }),
    UpdateExpression: 'SET #count = :full',
    ConditionExpression: 'attribute_exists(#count)',
    ExpressionAttributeNames: { '#count': 'messageCount' },
    ExpressionAttributeValues: { ':full': MAX_MESSAGES },
  });

export const storedEvents = async (ticketId: string) =>
  (await tableStore.query(ticketEventsQuery(ticketId))).items.map(fromTicketEventItem);

export const storedMessages = async (accountId: string, ticketId: string) =>
  (await tableStore.query(ticketConversationQuery({ accountId, ticketId }))).items
    .filter(isTicketMessageItem)
    .map(fromTicketMessageItem);

export const storedMarker = (emailMessageId: string) =>
  tableStore.get(getMessageIdMarkerCommand(emailMessageId));

export const storedLocator = (ticketId: string) =>
  tableStore.get(getTicketLocatorCommand(ticketId));

/**
 * The setup every ticket test file shares: its gateway and a fresh account
 * signed in as the primary (in beforeAll), with `api` sending that token.
 */
export const useTicketTenant = (label: string) => {
  const gateway = useGateway();
  let signedIn: { tenant: Tenant; token: string } | undefined;
  beforeAll(async () => {
    signedIn = await signedInTenant(label);
  });
  const current = () => {
    if (!signedIn) throw new Error('The tenant signs in in beforeAll: use it from a test or hook.');
    return signedIn;
  };
  return {
    gateway,
    get tenant() {
      return current().tenant;
    },
    get token() {
      return current().token;
    },
    api: (method: string, path: string, options?: CallOptions) =>
      gateway.api(method, path, { token: current().token, ...options }),
    tickets: () => `/accounts/${current().tenant.accountId}/tickets`,
    open: (body: Record<string, unknown> = {}) =>
      openTicketVia(gateway.url, current().token, current().tenant.accountId, body),
  };
};
