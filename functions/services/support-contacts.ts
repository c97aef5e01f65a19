/**
 * Support assignment: which contacts support a service or domain. One
 * BatchGet reads the service, the contact and the caller's own contact (for
 * the audit entry); one transaction writes the service's entry, the
 * contact's mirror, the contact's membership (when it has a login) and the
 * audit entry, so the copies never disagree (see core/workflows/support-mirror.ts).
 * A sub-account manages support only on services it reaches itself, and
 * only for contacts whose login holds no more than it does (core/access/reach.ts).
 */
import { refusal } from '#core/access/authorization';
import type { MemberCaller } from '#core/access/caller';
import { loginRefusal, type ReachRefusal, serviceReachRefusal } from '#core/access/reach';
import { checkVersion, staleError, type VersionClaim } from '#core/db/concurrency';
import { auditWrite, type GuardedWrite, writeTogether } from '#core/db/transact';
import {
  type Contact,
  contactDisplayName,
  contactKeys,
  fromContactItem,
  isContactItem,
  setAssignedServicesUpdate,
} from '#core/entities/contact';
import {
  isServiceItem,
  putSupportContactUpdate,
  removeSupportContactUpdate,
  type Service,
  type ServiceKind,
  serviceKeys,
  supportSnapshot,
} from '#core/entities/service';
import { nowIso } from '#core/platform/clock';
import { ConflictError, NotFoundError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import { MAX_ASSIGNED_SERVICES, membershipSupportUpdate } from '#core/workflows/support-mirror';
import { serviceOfKind } from './service.ts';

/**
 * Most contacts one service shows. The service item carries a snapshot of
 * each (about 200 bytes), so this keeps it far below DynamoDB's 400 KB item
 * limit, and support mail to a service never fans out to a crowd.
 */
export const MAX_SUPPORT_CONTACTS = 25;

interface Target {
  kind: ServiceKind;
  serviceId: string;
  contactId: string;
}

interface Loaded {
  service: Service;
  contact: Contact;
  actor: { loginId: string; name: string };
}

const manageArea = (kind: ServiceKind): 'domains:manage' | 'services:manage' =>
  kind === 'domain' ? 'domains:manage' : 'services:manage';

/** No login reaches more through the support it assigns than it holds itself. */
const checkReach = async (
  store: TableStore,
  caller: MemberCaller,
  beyond: ReachRefusal | undefined
) => {
  if (beyond) throw await refusal(caller.membership, beyond, store);
};

/**
 * The service, the contact and the actor, once the caller is known to reach
 * the service; a contact with a login is changed only by a login holding as
 * much as it.
 */
const load = async (store: TableStore, caller: MemberCaller, target: Target): Promise<Loaded> => {
  const area = manageArea(target.kind);
  await checkReach(store, caller, serviceReachRefusal(caller.membership, target.serviceId, area));
  const { accountId, contactId: callerContactId } = caller.membership;
  const contactIds = [...new Set([target.contactId, callerContactId])];
  const items = await store.getMany([
    serviceKeys({ accountId, serviceId: target.serviceId }),
    ...contactIds.map((contactId) => contactKeys({ accountId, contactId })),
  ]);
  const service = serviceOfKind(items.find(isServiceItem), target.kind);
  const contacts = items.filter(isContactItem).map(fromContactItem);
  const contact = contacts.find((candidate) => candidate.id === target.contactId);
  if (!contact) throw new NotFoundError(PROBLEM.notFound, 'The contact does not exist.');
  if (contact.loginId)
    await checkReach(store, caller, loginRefusal(caller.membership, contact, area));
  const self = contacts.find((candidate) => candidate.id === callerContactId);
  return {
    service,
    contact,
    actor: { loginId: caller.loginId, name: self ? contactDisplayName(self) : caller.loginId },
  };
};

const noScope = (contact: Contact) =>
  new ConflictError(
    PROBLEM.supportScopeNone,
    `${contactDisplayName(contact)} has the support scope "none" and cannot be assigned. ` +
      'Set the contact’s support scope to "isolated" or "global" first ' +
      '(PATCH /accounts/{accountId}/contacts/{contactId}).',
    { supportScope: contact.supportScope }
  );

const contactChanged = () =>
  new ConflictError(
    PROBLEM.changedMeanwhile,
    'The contact changed meanwhile (its support scope may now be "none"); fetch it and try again.'
  );

/** The transaction of an assignment or a reset; `nextService` is the service's new image. */
const commit = async (
  store: TableStore,
  { service, contact, actor }: Loaded,
  nextService: Service,
  nextContact: Contact,
  serviceWrite: GuardedWrite['action'],
  action: 'support.assigned' | 'support.reset',
  claim: VersionClaim
) => {
  const now = nextContact.updatedAt;
  await writeTogether(
    [
      { action: serviceWrite, onConditionFailed: () => staleError(claim) },
      {
        action: {
          Update: setAssignedServicesUpdate(contact, {
            assignedServices: nextContact.assignedServices,
            updatedAt: now,
            requireSupportScope: action === 'support.assigned',
          }),
        },
        onConditionFailed: contactChanged,
      },
      ...(contact.loginId
        ? [{ action: { Update: membershipSupportUpdate(nextContact, contact.loginId) } }]
        : []),
      auditWrite({
        accountId: service.accountId,
        at: now,
        actor,
        action,
        target: `${nextService.type === 'domain' ? 'domain' : 'service'}/${service.id}`,
        changes: {
          supportContacts: {
            before: Object.keys(service.supportContacts),
            after: Object.keys(nextService.supportContacts),
          },
        },
      }),
    ],
    () => staleError(claim),
    store
  );
};

const nextImages = (loaded: Loaded, now: string) => ({
  service: { ...loaded.service, version: loaded.service.version + 1, updatedAt: now },
  contact: { ...loaded.contact, version: loaded.contact.version + 1, updatedAt: now },
});

/** PUT .../support-contacts/{contactId}: the service after the assignment (unchanged if it was already). */
export const assignSupportContact = async (
  store: TableStore,
  caller: MemberCaller,
  target: Target,
  claim: VersionClaim
): Promise<Service> => {
  if (caller.membership.role !== 'primary' && target.contactId === caller.membership.contactId) {
    throw await refusal(
      caller.membership,
      {
        problem: PROBLEM.selfChangeRefused,
        area: manageArea(target.kind),
        detail: 'A login cannot assign itself as a support contact; ask the account holder.',
      },
      store
    );
  }
  const loaded = await load(store, caller, target);
  const { service, contact } = loaded;
  checkVersion(service.version, claim);
  const onService = Object.hasOwn(service.supportContacts, target.contactId);
  const onContact = contact.assignedServices.some((assigned) => assigned.id === service.id);
  if (onService && onContact) return service;
  if (contact.supportScope === 'none') throw noScope(contact);
  if (!onContact && contact.assignedServices.length >= MAX_ASSIGNED_SERVICES) {
    throw new ConflictError(
      PROBLEM.contactSupportLimit,
      `${contactDisplayName(contact)} already supports ${MAX_ASSIGNED_SERVICES} services and domains, ` +
        'the most one contact can. Reset one first, or give the contact the support scope "global".'
    );
  }
  if (!onService && Object.keys(service.supportContacts).length >= MAX_SUPPORT_CONTACTS) {
    throw new ConflictError(
      PROBLEM.serviceSupportLimit,
      `This ${target.kind} already has ${MAX_SUPPORT_CONTACTS} support contacts, the most it can have; reset one first.`
    );
  }

  const now = nowIso();
  const assignedAt = service.supportContacts[contact.id]?.assignedAt ?? now;
  const snapshot = supportSnapshot(contact, assignedAt);
  const next = nextImages(loaded, now);
  next.service.supportContacts = { ...service.supportContacts, [contact.id]: snapshot };
  next.contact.assignedServices = [
    ...contact.assignedServices.filter((assigned) => assigned.id !== service.id),
    { id: service.id, type: service.type, assignedAt },
  ];
  const ids = { accountId: service.accountId, serviceId: service.id };
  await commit(
    store,
    loaded,
    next.service,
    next.contact,
    { Update: putSupportContactUpdate(ids, snapshot, now, service.version) },
    'support.assigned',
    claim
  );
  return next.service;
};

/** DELETE .../support-contacts/{contactId}: nothing to do when the contact does not support it. */
export const resetSupportContact = async (
  store: TableStore,
  caller: MemberCaller,
  target: Target,
  claim: VersionClaim
): Promise<void> => {
  const loaded = await load(store, caller, target);
  const { service, contact } = loaded;
  checkVersion(service.version, claim);
  const onService = Object.hasOwn(service.supportContacts, target.contactId);
  const onContact = contact.assignedServices.some((assigned) => assigned.id === service.id);
  if (!onService && !onContact) return;

  const now = nowIso();
  const next = nextImages(loaded, now);
  const { [contact.id]: _reset, ...remaining } = service.supportContacts;
  next.service.supportContacts = remaining;
  next.contact.assignedServices = contact.assignedServices.filter(
    (assigned) => assigned.id !== service.id
  );
  const ids = { accountId: service.accountId, serviceId: service.id };
  await commit(
    store,
    loaded,
    next.service,
    next.contact,
    { Update: removeSupportContactUpdate(ids, contact.id, now, service.version) },
    'support.reset',
    claim
  );
};
