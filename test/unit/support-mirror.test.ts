import { describe, expect, it } from 'vitest';
import {
  ALL_EMAIL_PREFERENCES,
  type Contact,
  setAssignedServicesUpdate,
} from '#core/entities/contact';
import {
  putSupportContactUpdate,
  removeSupportContactUpdate,
  type Service,
  servicesPageQuery,
  supportSnapshot,
} from '#core/entities/service';
import { toContactView } from '#core/views/contact';
import { toServiceView } from '#core/views/service';
import { supportMirrorWrites, withSupportScopeRules } from '#core/workflows/support-mirror';

const ASSIGNED_AT = '2026-02-01T00:00:00.000Z';

const contact: Contact = {
  id: 'c1',
  accountId: 'a1',
  kind: 'individual',
  language: 'en',
  firstName: 'Sam',
  lastName: 'Support',
  email: 'sam@elsewhere.example',
  phone: '+441632960961',
  address: { line1: '1 Harbour Street', city: 'Bristol', postcode: 'BS1 4DJ', country: 'GB' },
  emailPreferences: ALL_EMAIL_PREFERENCES,
  supportScope: 'isolated',
  assignedServices: [
    { id: 's1', type: 'hosting', assignedAt: ASSIGNED_AT },
    { id: 'd1', type: 'domain', assignedAt: ASSIGNED_AT },
  ],
  loginId: 'login-1',
  subAccount: { status: 'active', permissions: ['tickets'] },
  isPrimary: false,
  version: 3,
  createdAt: ASSIGNED_AT,
  updatedAt: ASSIGNED_AT,
};

const later = (change: Partial<Contact>): Contact => ({
  ...contact,
  ...change,
  version: 4,
  updatedAt: '2026-03-01T00:00:00.000Z',
});

const updatesOf = (writes: ReturnType<typeof supportMirrorWrites>) =>
  writes.map(({ action }) => ({
    sk: action.Update?.Key?.sk,
    expression: action.Update?.UpdateExpression,
  }));

describe('supportMirrorWrites', () => {
  it('writes nothing when nothing the mirrors show changed', () => {
    // Act
    const writes = supportMirrorWrites(contact, later({ phone: '+441632960962' }));

    // Assess
    expect(writes).toEqual([]);
  });

  it('refreshes the snapshot on every assigned service when the name changes, keeping assignedAt', () => {
    // Act
    const writes = supportMirrorWrites(contact, later({ firstName: 'Samira' }));

    // Assess
    expect(updatesOf(writes)).toEqual([
      { sk: 'SERVICE#s1', expression: expect.stringContaining('SET #contacts.#contact') },
      { sk: 'SERVICE#d1', expression: expect.stringContaining('SET #contacts.#contact') },
    ]);
    expect(writes[0]?.action.Update?.ExpressionAttributeValues?.[':snapshot']).toEqual({
      id: 'c1',
      name: 'Samira Support',
      email: 'sam@elsewhere.example',
      supportScope: 'isolated',
      assignedAt: ASSIGNED_AT,
    });
  });

  it('resets every assignment and mirrors the membership when the scope becomes none', () => {
    // Act
    const next = withSupportScopeRules(later({ supportScope: 'none' }));
    const writes = supportMirrorWrites(contact, next);

    // Assess
    expect(next.assignedServices).toEqual([]);
    expect(updatesOf(writes)).toEqual([
      { sk: 'SERVICE#s1', expression: expect.stringContaining('REMOVE #contacts.#contact') },
      { sk: 'SERVICE#d1', expression: expect.stringContaining('REMOVE #contacts.#contact') },
      { sk: 'ACCOUNT#a1', expression: expect.stringContaining('#supportServiceIds') },
    ]);
    expect(writes[2]?.action.Update?.ExpressionAttributeValues).toMatchObject({
      ':supportScope': 'none',
      ':supportServiceIds': [],
    });
  });

  it('removes a deleted contact from each service and leaves the (deleted) membership alone', () => {
    // Act
    const writes = supportMirrorWrites(contact, null);

    // Assess
    expect(updatesOf(writes).map((write) => write.sk)).toEqual(['SERVICE#s1', 'SERVICE#d1']);
  });

  it('leaves the membership to the write that creates or deletes it with the login', () => {
    // Act
    const { loginId: _none, ...withoutLogin } = contact;
    const gained = supportMirrorWrites(
      { ...withoutLogin, supportScope: 'global' },
      later({ supportScope: 'isolated' })
    );

    // Assess
    expect(updatesOf(gained).map((write) => write.sk)).toEqual(['SERVICE#s1', 'SERVICE#d1']);
  });

  it('keeps assignments when the scope moves between isolated and global', () => {
    // Act
    const next = withSupportScopeRules(later({ supportScope: 'global' }));

    // Assess
    expect(next.assignedServices).toHaveLength(2);
  });
});

describe('service entity', () => {
  const service: Service = {
    id: 's1',
    accountId: 'a1',
    type: 'hosting',
    label: 'Main Hosting',
    status: 'active',
    externalId: 'ext-1',
    supportContacts: {
      c2: { ...supportSnapshot({ ...contact, id: 'c2' }, '2026-02-02T00:00:00.000Z') },
      c1: { ...supportSnapshot(contact, ASSIGNED_AT) },
    },
    version: 2,
    createdAt: ASSIGNED_AT,
    updatedAt: ASSIGNED_AT,
  };

  it('lists support contacts oldest assignment first and is assigned when it has any', () => {
    // Act
    const view = toServiceView(service);
    const none = toServiceView({ ...service, supportContacts: {} });

    // Assess
    expect(view.supportContacts.map((entry) => entry.id)).toEqual(['c1', 'c2']);
    expect(view.support).toBe('assigned');
    expect(none.support).toBe('deactivated');
    expect(JSON.stringify(view)).not.toMatch(/externalId|assignedAt|accountId/);
  });

  it('pages one listing of the account through gsi1', () => {
    // Act
    const query = servicesPageQuery('a1', 'domain', { limit: 10 });

    // Assess
    expect(query).toMatchObject({
      IndexName: 'gsi1',
      ExpressionAttributeValues: { ':pk': 'ACCOUNT#a1#DOMAINS' },
      Limit: 10,
    });
  });

  it('assigns only over the version read, and refreshes only an existing service', () => {
    // Act
    const snapshot = supportSnapshot(contact, ASSIGNED_AT);
    const assign = putSupportContactUpdate(
      { accountId: 'a1', serviceId: 's1' },
      snapshot,
      'now',
      2
    );
    const refresh = putSupportContactUpdate({ accountId: 'a1', serviceId: 's1' }, snapshot, 'now');
    const reset = removeSupportContactUpdate({ accountId: 'a1', serviceId: 's1' }, 'c1', 'now', 2);

    // Assess
    expect(assign.ConditionExpression).toBe('attribute_exists(#pk) AND #version = :expected');
    expect(assign.ExpressionAttributeNames).toMatchObject({ '#contact': 'c1' });
    expect(refresh.ConditionExpression).toBe('attribute_exists(#pk)');
    expect(reset.UpdateExpression).toContain('REMOVE #contacts.#contact');
    expect(reset.ExpressionAttributeValues).toMatchObject({ ':expected': 2 });
  });
});

describe('contact assigned services', () => {
  it('needs a support scope to assign but not to reset', () => {
    // Act
    const assign = setAssignedServicesUpdate(contact, {
      assignedServices: [],
      updatedAt: 'now',
      requireSupportScope: true,
    });
    const reset = setAssignedServicesUpdate(contact, {
      assignedServices: [],
      updatedAt: 'now',
      requireSupportScope: false,
    });

    // Assess
    expect(assign.ConditionExpression).toContain('#scope IN (:isolated, :global)');
    expect(reset.ConditionExpression).not.toContain('#scope');
    expect(assign.ExpressionAttributeValues).toMatchObject({ ':expected': 3, ':next': 4 });
  });

  it('shows the assigned services as id and type', () => {
    // Act
    const view = toContactView(contact);

    // Assess
    expect(view.assignedServices).toEqual([
      { id: 's1', type: 'hosting' },
      { id: 'd1', type: 'domain' },
    ]);
  });
});
