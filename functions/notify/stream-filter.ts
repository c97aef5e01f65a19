/**
 * The notify function's event source: every new item that becomes mail.
 * Ticket events, staff notices and their per-account work items, invoices.
 * New items only: an invoice reloaded is a change and mails nobody again.
 * The CDK event source and the local stream poller both use this filter.
 */
import { NOTICE_ACCOUNT_ENTITY, NOTICE_ENTITY } from '#core/entities/notice';
import { TICKET_EVENT_STREAM_FILTER } from '#core/entities/ticket-event';

const TICKET_EVENT_ENTITIES = TICKET_EVENT_STREAM_FILTER.dynamodb.NewImage.entity.S;

export const NOTIFY_STREAM_FILTER = {
  eventName: ['INSERT'],
  dynamodb: {
    NewImage: {
      entity: { S: [...TICKET_EVENT_ENTITIES, NOTICE_ENTITY, NOTICE_ACCOUNT_ENTITY, 'invoice'] },
    },
  },
} as const;
