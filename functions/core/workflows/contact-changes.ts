/**
 * The writes every change of a contact carries, whichever API made it: the
 * new image (only over the version that was read), the login profile when
 * the person's name, email or language changed and the change is the login's own, the
 * address marker when the email changed (one contact per address), the audit entry, and the support
 * mirrors (services it supports, its membership; see support-mirror.ts).
 */

import { auditWrite, type GuardedWrite } from '../db/transact.ts';
import type { AuditActor, FieldChange } from '../entities/audit.ts';
import { type Contact, contactDisplayName, replaceContactPut } from '../entities/contact.ts';
import { patchLoginUpdate } from '../entities/login.ts';
import { currentEmailStatus } from '../rules/email-status.ts';
import { contactAddressWrites } from './contact-address.ts';
import { supportMirrorWrites } from './support-mirror.ts';

export interface ContactAudit {
  actor: AuditActor;
  action: string;
  changes: Record<string, FieldChange>;
}

/** Contact fields the login profile mirrors (its name derives from the first two). */
const LOGIN_FIELDS = ['firstName', 'lastName', 'email', 'language'] as const;

/** SES feedback belongs to the address it was for: a new address starts without any. */
const withoutStaleEmailStatus = (contact: Contact): Contact => {
  if (currentEmailStatus(contact.emailStatus, contact.email)) return contact;
  const { emailStatus: _stale, ...rest } = contact;
  return rest;
};

export const contactChangeWrites = (
  before: Contact,
  next: Contact,
  audit: ContactAudit
): GuardedWrite[] => {
  const writes: GuardedWrite[] = [
    { action: { Put: replaceContactPut(withoutStaleEmailStatus(next), before.version) } },
    auditWrite({
      accountId: next.accountId,
      at: next.updatedAt,
      actor: audit.actor,
      action: audit.action,
      target: `contact/${next.id}`,
      changes: audit.changes,
    }),
  ];
  const { changes } = audit;
  // The login (its global name, email and language) is the person's: only their own changes reach it.
  const loginId = next.loginId;
  const byTheLoginItself = loginId !== undefined && audit.actor.loginId === loginId;
  if (byTheLoginItself && LOGIN_FIELDS.some((field) => field in changes)) {
    const login = {
      loginId,
      name: contactDisplayName(next),
      email: next.email,
      language: next.language,
    };
    writes.push({
      action: { Update: patchLoginUpdate({ ...login, updatedAt: next.updatedAt }) },
    });
  }
  writes.push(...supportMirrorWrites(before, next));
  writes.push(...contactAddressWrites(before, next, next.updatedAt));
  return writes;
};
