import type { Membership } from '../entities/membership.ts';

/** Who is calling, established by the authorization middleware only. */
export type AnonymousCaller = { kind: 'anonymous' };
/** `authTime`: when the session behind the token started (the token's `auth_time`, epoch seconds). */
export type LoginCaller = { kind: 'login'; loginId: string; authTime: number };
export type MemberCaller = {
  kind: 'member';
  loginId: string;
  authTime: number;
  membership: Membership;
};
/** A login of the staff user pool; staff have no membership, only their own routes. */
export type StaffCaller = { kind: 'staff'; staffId: string; username: string };

/**
 * The live staff check of a `liveCheck: 'shared-read'` route: a read by key
 * the route makes anyway, in one consistent BatchGet with the staff item.
 * It refuses a disabled or removed staff login (401) before returning
 * anything. The route calls it exactly once, before any write; a route
 * that answers without calling it gets a 500, never its answer.
 */
export interface StaffCheck {
  read(keys: Record<string, string>[]): Promise<Record<string, unknown>[]>;
}
export type Caller = AnonymousCaller | LoginCaller | MemberCaller | StaffCaller;
