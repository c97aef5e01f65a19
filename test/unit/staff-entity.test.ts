/** The staff item: its key, its mapping and the command inputs of its builders. */
import { describe, expect, it } from 'vitest';
import {
  createStaffPut,
  deleteStaffDelete,
  fromStaffItem,
  getStaffCommand,
  patchStaffStatusUpdate,
  type StaffLogin,
  toStaffItem,
} from '#core/entities/staff';

const staff: StaffLogin = {
  staffId: '5f0c-sub',
  username: 'alex@provider.example',
  name: 'Alex Kim',
  status: 'active',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
};

describe('staff entity', () => {
  it('keys the item by the staff pool sub, outside every account partition', () => {
    // Act
    const item = toStaffItem(staff);

    // Assess
    expect(item).toMatchObject({ pk: 'STAFF#5f0c-sub', sk: 'STAFF', entity: 'staff' });
  });

  it('maps an item back without its keys', () => {
    // Prepare
    const item = toStaffItem(staff);

    // Act
    const mapped = fromStaffItem(item);

    // Assess
    expect(mapped).toEqual(staff);
  });

  it('reads a status it does not know, or none, as disabled', () => {
    // Prepare
    const items = [
      { ...toStaffItem(staff), status: 'suspended' },
      { ...toStaffItem(staff), status: 'ACTIVE' },
      { ...toStaffItem(staff), status: undefined },
    ];

    // Act
    const statuses = items.map((item) => fromStaffItem(item).status);

    // Assess
    expect(statuses).toEqual(['disabled', 'disabled', 'disabled']);
  });

  it('reads the live check consistently', () => {
    // Act
    const command = getStaffCommand('5f0c-sub');

    // Assess
    expect(command).toEqual({
      Key: { pk: 'STAFF#5f0c-sub', sk: 'STAFF' },
      ConsistentRead: true,
    });
  });

  it('creates without ever overwriting an existing item', () => {
    // Act
    const put = createStaffPut(staff);

    // Assess
    expect(put.ConditionExpression).toBe('attribute_not_exists(#pk)');
    expect(put.Item).toMatchObject({ pk: 'STAFF#5f0c-sub', status: 'active' });
  });

  it('changes the status of an existing item only, and nothing else', () => {
    // Act
    const update = patchStaffStatusUpdate({
      staffId: '5f0c-sub',
      status: 'disabled',
      updatedAt: '2026-12-02T10:00:00.000Z',
    });

    // Assess
    expect(update).toMatchObject({
      Key: { pk: 'STAFF#5f0c-sub', sk: 'STAFF' },
      UpdateExpression: 'SET #status = :status, #updatedAt = :updatedAt',
      ConditionExpression: 'attribute_exists(#pk)',
      ExpressionAttributeValues: {
        ':status': 'disabled',
        ':updatedAt': '2026-12-02T10:00:00.000Z',
      },
    });
  });

  it('deletes by the same key', () => {
    // Act
    const removal = deleteStaffDelete('5f0c-sub');

    // Assess
    expect(removal).toEqual({ Key: { pk: 'STAFF#5f0c-sub', sk: 'STAFF' } });
  });
});
