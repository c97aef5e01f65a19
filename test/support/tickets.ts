/**
 * Test helpers for tickets: open one through the API, and read what was
 * stored (messages with their Message-IDs, markers, events) straight from
 * DynamoDB Local through the entity builders.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '#core/clients/dynamodb';
import { getMessageIdMarkerCommand } from '#core/entities/message-id';
import { ticketConversationQuery } from '#core/entities/ticket';
import { fromTicketEventItem, ticketEventsQuery } from '#core/entities/ticket-event';
import { getTicketLocatorCommand } from '#core/entities/ticket-locator';
import { fromTicketMessageItem, isTicketMessageItem } from '#core/entities/ticket-message';
import { type ApiResponse, callApi } from './http.ts';

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

export const storedEvents = async (ticketId: string) => {
  const { Items = [] } = await dynamo.send(
    new QueryCommand(ticketEventsQuery(tableName, ticketId))
  );
  return Items.map(fromTicketEventItem);
};

export const storedMessages = async (accountId: string, ticketId: string) => {
  const { Items = [] } = await dynamo.send(
    new QueryCommand(ticketConversationQuery(tableName, { accountId, ticketId }))
  );
  return Items.filter(isTicketMessageItem).map(fromTicketMessageItem);
};

export const storedMarker = async (emailMessageId: string) =>
  (await dynamo.send(new GetCommand(getMessageIdMarkerCommand(tableName, emailMessageId)))).Item;

export const storedLocator = async (ticketId: string) =>
  (await dynamo.send(new GetCommand(getTicketLocatorCommand(tableName, ticketId)))).Item;
