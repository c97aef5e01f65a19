/**
 * Functions invoked by events rather than HTTP: each a folder under
 * functions/ with a handler.ts. The CDK stack, the local stack and the
 * benchmark iterate over this list as they do over the route table.
 */
/** Consumers of the table stream (lib/constructs/stream-worker.ts, local/stream-poller.ts). */
export const STREAM_WORKER_FUNCTIONS = ['outbox', 'notify', 'mailer'] as const;
export type WorkerName = (typeof STREAM_WORKER_FUNCTIONS)[number];

/**
 * Batches of one shard a consumer runs at once (Lambda's
 * ParallelizationFactor, 1 to 10; records of one partition key stay in
 * order). The outbox keeps one: its tasks follow each other. The mailer is
 * also held by its reserved concurrency (`mail.senders`).
 */
export const STREAM_PARALLELIZATION: Record<WorkerName, number> = {
  outbox: 1,
  notify: 4,
  mailer: 4,
};

/**
 * Every event-driven function: the stream consumers, SES feedback (SNS,
 * lib/constructs/mail-feedback.ts) and mail to support (SES receipt rule,
 * lib/constructs/inbound-mail.ts).
 */
export const WORKER_FUNCTIONS = [...STREAM_WORKER_FUNCTIONS, 'feedback', 'inbound'] as const;
