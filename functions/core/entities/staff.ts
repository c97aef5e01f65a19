/**
 * Staff login: one item per login of the staff user pool, keyed by its
 * `sub`. The authorization middleware reads it on every staff request, so
 * it is the live switch of a staff member's access: a disabled or removed
 * login is refused at its next request, whatever its token still says.
 * Operators write it with the Cognito user (`npm run staff`).
 */
import type { TransactItem, TransactUpdate } from '../table/db.ts';
import type { GetInput, PutInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { type Attribute, attributesOf, type EntityOf, readItem, text } from './attributes.ts';
import { createPut, patchIfExists } from './item-writes.ts';

export const STAFF_STATUSES = ['active', 'disabled'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/** A status this code does not know reads as `disabled`: access is only ever granted on purpose. */
const staffStatus: Attribute<StaffStatus> = {
  read: (value) => (value === 'active' ? 'active' : 'disabled'),
  optional: false,
};

/** What a staff item holds, declared once: the type and the item mapping derive from it. */
export const STAFF_ATTRIBUTES = {
  /** The staff pool's `sub` of the login (the token's `sub`). */
  staffId: text(),
  /** The sign-in name, by convention the work email. */
  username: text(),
  name: text(),
  status: staffStatus,
  createdAt: text(),
  updatedAt: text(),
};

export type StaffLogin = EntityOf<typeof STAFF_ATTRIBUTES>;

export const staffKeys = (staffId: string) => ({
  [TABLE.partitionKey]: `${PREFIX.staff}${staffId}`,
  [TABLE.sortKey]: PREFIX.staff.slice(0, -1),
});

export const toStaffItem = (staff: StaffLogin) => ({
  ...staffKeys(staff.staffId),
  entity: 'staff',
  ...attributesOf(STAFF_ATTRIBUTES, staff),
});

export const isStaffItem = (item: Record<string, unknown>) => item.entity === 'staff';

export const fromStaffItem = (item: Record<string, unknown>): StaffLogin =>
  readItem('staff', STAFF_ATTRIBUTES, item);

/** Access pattern `staffById`: the live check of every staff request (consistent). */
export const getStaffCommand = (staffId: string): GetInput => ({
  Key: staffKeys(staffId),
  ConsistentRead: true,
});

/** create: refuses to overwrite an existing staff item (and so its status). */
export const createStaffPut = (staff: StaffLogin): PutInput => createPut(toStaffItem(staff));

/** patch: disables or enables a staff login, only if its item exists. */
export const patchStaffStatusUpdate = (change: {
  staffId: string;
  status: StaffStatus;
  updatedAt: string;
}): TransactUpdate =>
  patchIfExists(staffKeys(change.staffId), {
    status: change.status,
    updatedAt: change.updatedAt,
  });

/** Removes a staff login's item: from then on its tokens open nothing. */
export const deleteStaffDelete = (staffId: string): NonNullable<TransactItem['Delete']> => ({
  Key: staffKeys(staffId),
});
