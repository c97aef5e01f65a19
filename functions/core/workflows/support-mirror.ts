/**
 * A contact's support assignment lives in three places: the entry in each
 * assigned service's `supportContacts` (what a service shows), the contact's
 * `assignedServices` (what the contact detail shows) and, for a contact with
 * a login, the membership's `supportScope` / `supportServiceIds` (what ticket
 * visibility reads). These are the writes that keep the copies true, made in
 * the same transaction as the contact change that affects them.
 */

import type { GuardedWrite } from '../db/transact.ts';
import type { AssignedService, Contact } from '../entities/contact.ts';
import { patchMembershipUpdate } from '../entities/membership.ts';
import {
  putSupportContactUpdate,
  removeSupportContactUpdate,
  supportSnapshot,
} from '../entities/service.ts';
import { nowIso } from '../platform/clock.ts';
import type { TransactUpdate } from '../table/db.ts';

/**
 * Most services one contact may support. Every change of a contact carries
 * one write per assigned service in its transaction; the largest of those
 * (confirming the primary's new login email) has 9 other writes and
 * DynamoDB allows 100 actions per transaction. 50 keeps room for the writes
 * later features add there, and is far above what a person supports one by
 * one: someone who supports everything should have the scope `global`.
 */
export const MAX_ASSIGNED_SERVICES = 50;

/** A contact with scope `none` supports nothing: its assignments go with the scope. */
export const withSupportScopeRules = (contact: Contact): Contact =>
  contact.supportScope === 'none' && contact.assignedServices.length > 0
    ? { ...contact, assignedServices: [] }
    : contact;

export const serviceIdsOf = (assigned: AssignedService[]) => assigned.map((service) => service.id);

const sameIds = (a: AssignedService[], b: AssignedService[]) =>
  serviceIdsOf(a).join() === serviceIdsOf(b).join();

const snapshotChanged = (before: Contact, next: Contact) =>
  before.firstName !== next.firstName ||
  before.lastName !== next.lastName ||
  before.email !== next.email ||
  before.supportScope !== next.supportScope;

const update = (action: TransactUpdate): GuardedWrite => ({
  action: { Update: action },
});

/**
 * The writes that follow a contact from `before` to `next` (`null`: the
 * contact is deleted, and its membership with it): refresh the snapshot on
 * each service it still supports, remove it from each it no longer does,
 * and mirror scope and service ids on its membership.
 */
export const supportMirrorWrites = (before: Contact, next: Contact | null): GuardedWrite[] => {
  const now = next?.updatedAt ?? nowIso();
  const kept = new Set(serviceIdsOf(next?.assignedServices ?? []));
  const writes: GuardedWrite[] = before.assignedServices
    .filter((service) => !kept.has(service.id))
    .map((service) =>
      update(
        removeSupportContactUpdate(
          { accountId: before.accountId, serviceId: service.id },
          before.id,
          now
        )
      )
    );
  if (!next) return writes;
  if (snapshotChanged(before, next)) {
    for (const service of next.assignedServices) {
      const ids = { accountId: next.accountId, serviceId: service.id };
      writes.push(
        update(putSupportContactUpdate(ids, supportSnapshot(next, service.assignedAt), now))
      );
    }
  }
  const mirrorChanged =
    before.supportScope !== next.supportScope ||
    !sameIds(before.assignedServices, next.assignedServices);
  // A login gained or lost in this change writes its membership whole instead.
  if (next.loginId && before.loginId === next.loginId && mirrorChanged) {
    writes.push(update(membershipSupportUpdate(next, next.loginId)));
  }
  return writes;
};

/** The membership's copy of the contact's support scope and assigned service ids. */
export const membershipSupportUpdate = (contact: Contact, loginId: string) =>
  patchMembershipUpdate(
    { loginId, accountId: contact.accountId },
    {
      supportScope: contact.supportScope,
      supportServiceIds: serviceIdsOf(contact.assignedServices),
      updatedAt: contact.updatedAt,
    }
  );
