import type { EmailLogEntry } from '../entities/email-log.ts';

/** The API view of an email log entry: what was mailed, to whom, and what became of it. */
export const toEmailLogView = (entry: EmailLogEntry) => ({
  id: entry.id,
  at: entry.at,
  to: entry.to,
  ...(entry.contactId === undefined ? {} : { contactId: entry.contactId }),
  category: entry.category,
  subject: entry.subject,
  status: entry.status,
});
