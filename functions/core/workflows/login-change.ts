/**
 * What every change of a contact's login writes besides the membership: the
 * contact's next image (one version up) and its audit entry, naming only the
 * login fields that changed.
 */

import { diffFields } from '../entities/audit.ts';
import type { Contact } from '../entities/contact.ts';
import { nowIso } from '../platform/clock.ts';
import { contactChangeWrites } from './contact-changes.ts';

/**
 * The contact after a change of its login. A pending email change belongs
 * to the login that asked for it, so it goes when the contact's login does
 * (or another one comes).
 */
export const nextImage = (contact: Contact, change: Partial<Contact>): Contact => {
  const loginChanges = 'loginId' in change && change.loginId !== contact.loginId;
  const { emailChange: _dropped, ...rest } = contact;
  return {
    ...(loginChanges ? rest : contact),
    ...change,
    version: contact.version + 1,
    updatedAt: nowIso(),
  };
};

export type Actor = { loginId: string; name: string };

export const auditWrites = (actor: Actor, before: Contact, next: Contact, action: string) =>
  contactChangeWrites(before, next, {
    actor,
    action,
    changes: diffFields(before, next, ['subAccount', 'loginId']),
  });
