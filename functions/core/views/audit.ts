import type { AuditActor, AuditEntry } from '../entities/audit.ts';

/** Entries written before `kind` existed named staff as `<username> (staff)`. */
const isStaffActor = (actor: AuditActor) =>
  actor.kind === 'staff' || (actor.kind === undefined && actor.name.endsWith(' (staff)'));

/** What a customer sees of an actor: a login by id and name, any staff member as the helpdesk. */
export const HELPDESK_ACTOR = { kind: 'staff', name: 'Helpdesk' } as const;

const actorView = (actor: AuditActor) => {
  if (isStaffActor(actor)) return HELPDESK_ACTOR;
  // The contact of the entry's target, through the link its mail carried.
  if (actor.kind === 'contact')
    return { kind: 'contact' as const, via: 'unsubscribe-link' as const, name: actor.name };
  return { kind: 'login' as const, loginId: actor.loginId, name: actor.name };
};

/** The API view of an entry. */
export const toAuditView = (entry: AuditEntry) => ({
  id: entry.id,
  at: entry.at,
  actor: actorView(entry.actor),
  action: entry.action,
  target: entry.target,
  changes: entry.changes,
});
