/**
 * Permission areas a login may be granted on an account. The list is closed:
 * anything not in it is denied (see `isKnownArea`).
 */
export const AREAS = [
  'profile',
  'contacts',
  'services',
  'services:manage',
  'domains',
  'domains:manage',
  'invoices',
  'usage',
  'tickets',
  'emails',
] as const;

export type Area = (typeof AREAS)[number];

export const ROLES = ['primary', 'sub-account'] as const;
export type Role = (typeof ROLES)[number];

const areaSet: ReadonlySet<string> = new Set(AREAS);

export const isKnownArea = (value: string): value is Area => areaSet.has(value);

export interface Grant {
  role: Role;
  permissions: readonly string[];
}

/** The areas a login may actually open: all for the primary, else its known grants. */
export const allowedAreas = (grant: Grant): Area[] =>
  grant.role === 'primary' ? [...AREAS] : AREAS.filter((area) => grant.permissions.includes(area));

/** Unknown areas are denied even when a stored grant happens to list them. */
export const mayOpen = (grant: Grant, area: string): boolean =>
  isKnownArea(area) && allowedAreas(grant).includes(area);
