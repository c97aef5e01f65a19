/**
 * Outbox task: work with a side effect outside DynamoDB (a mail, a Cognito
 * change) written in the same transaction as the change that causes it, so
 * it happens if and only if that change did. The table's stream hands each
 * new task to the outbox function (functions/outbox/handler.ts).
 */
import { newId } from '../table/db.ts';
import type { PutInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import type { ContactLanguage } from './contact.ts';
import { createPut } from './item-writes.ts';

/** Security mail: always sent to the person concerned, whatever their preferences. */
export interface MailTask {
  kind: 'mail';
  to: string;
  subject: string;
  text: string;
  /** An automatic answer (a refused inbound mail's explanation): sent with `Auto-Submitted: auto-replied` (RFC 3834). */
  autoReply?: true;
}

/** Makes a confirmed address the Cognito login email. */
export interface LoginEmailTask {
  kind: 'login-email';
  loginId: string;
  email: string;
}

/**
 * Invites a new login: the worker sets a fresh temporary password and mails
 * it, so the password exists only in Cognito and in the person's inbox.
 */
export interface InviteLoginTask {
  kind: 'invite-login';
  loginId: string;
  email: string;
  firstName: string;
  accountName: string;
  /** The contact's language; tasks written before it was kept are mailed in English. */
  language?: ContactLanguage;
}

/**
 * "Request an account": the worker looks the details up and invites the
 * matching contact, if any, so the request itself answers the same way and
 * in the same time whatever the details (functions/logins/account-requests.ts).
 */
export interface AccountRequestTask {
  kind: 'account-request';
  contractNumber: string;
  /** Normalised. */
  email: string;
}

export type OutboxTask = MailTask | LoginEmailTask | InviteLoginTask | AccountRequestTask;

export const OUTBOX_ENTITY = 'outbox';

/** Tasks are kept a week for inspection, then expire. */
const RETENTION_SECONDS = 7 * 24 * 3600;

export const outboxKeys = (taskId: string) => ({
  [TABLE.partitionKey]: `${PREFIX.outbox}${taskId}`,
  [TABLE.sortKey]: PREFIX.outbox.slice(0, -1),
});

export const createOutboxPut = (
  task: OutboxTask,
  context: { accountId?: string; now: string }
): PutInput => {
  const id = newId();
  return createPut({
    ...outboxKeys(id),
    entity: OUTBOX_ENTITY,
    id,
    task,
    ...(context.accountId ? { accountId: context.accountId } : {}),
    createdAt: context.now,
    [TABLE.ttlAttribute]: Math.floor(Date.parse(context.now) / 1000) + RETENTION_SECONDS,
  });
};

/**
 * Which stream records the outbox function receives: new outbox items only.
 * The CDK event source filter and the local stream poller both use it.
 */
export const OUTBOX_STREAM_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: [OUTBOX_ENTITY] } } },
} as const;

export const isOutboxTask = (value: unknown): value is OutboxTask => {
  const task = value as Partial<OutboxTask> | null;
  if (!task || typeof task !== 'object') return false;
  if (task.kind === 'mail') return typeof task.to === 'string' && typeof task.subject === 'string';
  if (task.kind === 'login-email' || task.kind === 'invite-login')
    return typeof task.loginId === 'string' && typeof task.email === 'string';
  if (task.kind === 'account-request')
    return typeof task.contractNumber === 'string' && typeof task.email === 'string';
  return false;
};
