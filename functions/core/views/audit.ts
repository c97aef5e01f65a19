import type { AuditActor, AuditEntry } from '../entities/audit.ts';

/** Entries written before `kind` existed named staff as `<username> (staff)`. */
const isStaffActor = (actor: AuditActor) =>
  actor.kind === 'staff' || (actor.kind === undefined && actor.name.endsWith(' (staff)'));

/** What a customer sees of an actor: a login by id and name, any staff member as the helpdesk. */
export const HELPDESK_ACTOR = { kind: 'staff', name: 'Helpdesk' } as const;

const actorView = (actor: AuditActor) =>
  isStaffActor(actor)
    ? HELPDESK_ACTOR
    : { kind: 'login' as const, loginId: actor.loginId, name: actor.name };

/** The API view of an entry. */
export const toAuditView = (entry: AuditEntry) => ({
  id: entry.id,
  at: entry.at,
  actor: actorView(entry.actor),
  action: entry.action,
  target: entry.target,
  changes: entry.changes,
});
