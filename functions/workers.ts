/**
 * Functions invoked by events rather than HTTP: each a folder under
 * functions/ with a handler.ts. The CDK stack, the local stack and the
 * benchmark iterate over this list as they do over the route table.
 */
export const WORKER_FUNCTIONS = ['outbox', 'notify', 'mailer', 'feedback'] as const;
export type WorkerName = (typeof WORKER_FUNCTIONS)[number];
