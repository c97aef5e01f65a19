import { describe, expect, it } from 'vitest';
import { bumpAccountVersionUpdate } from '#core/entities/account';
import { diffFields } from '#core/entities/audit';
import {
  ALL_EMAIL_PREFERENCES,
  type Contact,
  contactsPageQuery,
  replaceContactPut,
  toContactItem,
} from '#core/entities/contact';
import { normaliseContractNumber } from '#core/entities/contract';
import { getMembershipCommand, loginPartitionQuery } from '#core/entities/membership';
import { secondsLeftInWindow, takeRateTokenUpdate } from '#core/entities/rate-counter';
import { foldName } from '#core/rules/name-order';
import { toContactView } from '#core/views/contact';

const contact: Contact = {
  id: 'c1',
  accountId: 'a1',
  kind: 'individual',
  language: 'en',
  firstName: 'Alex',
  lastName: 'Morgan',
  email: 'Owner@Demo.Example',
  phone: '+441632960961',
  address: { line1: '1 Harbour Street', city: 'Bristol', postcode: 'BS1 4DJ', country: 'GB' },
  emailPreferences: ALL_EMAIL_PREFERENCES,
  supportScope: 'global',
  assignedServices: [],
  loginId: 'login-1',
  subAccount: null,
  isPrimary: true,
  version: 4,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('contact entity', () => {
  it('keys the contact under its account and indexes it by normalised email', () => {
    // Act
    const item = toContactItem(contact);

    // Assess
    expect(item).toMatchObject({
      pk: 'ACCOUNT#a1',
      sk: 'CONTACT#c1',
      gsi1pk: 'EMAIL#owner@demo.example',
      gsi1sk: 'ACCOUNT#a1#CONTACT#c1',
    });
  });

  it('indexes it by folded last name, first name and id, so Smith sorts before Smith Jones', () => {
    // Act
    const item = toContactItem({ ...contact, firstName: 'Zoë', lastName: ' Ångström  Ærø ' });
    const smith = toContactItem({ ...contact, firstName: 'Zed', lastName: 'Smith' }).gsi2sk;
    const smithJones = toContactItem({
      ...contact,
      firstName: 'Al',
      lastName: 'Smith Jones',
    }).gsi2sk;
    const query = contactsPageQuery('a1', { limit: 5 });

    // Assess
    expect(item).toMatchObject({
      gsi2pk: 'ACCOUNT#a1#CONTACTS',
      gsi2sk: 'angstrom aero\u0001zoe\u0001c1',
    });
    expect(smith < smithJones).toBe(true);
    expect(foldName('STRAßE Łódź Øre')).toBe('strasse lodz ore');
    expect(foldName('x'.repeat(300))).toHaveLength(120);
    expect(query).toMatchObject({
      IndexName: 'gsi2',
      ExpressionAttributeValues: { ':pk': 'ACCOUNT#a1#CONTACTS' },
      Limit: 5,
    });
  });

  it('replaces only the version it was read at', () => {
    // Act
    const put = replaceContactPut({ ...contact, version: 5 }, 4);

    // Assess
    expect(put.ConditionExpression).toBe('attribute_exists(#pk) AND #version = :expected');
    expect(put.ExpressionAttributeValues).toEqual({ ':expected': 4 });
  });

  it('shows neither account id, login id nor keys in the API view', () => {
    // Act
    const view = toContactView(contact);

    // Assess
    expect(Object.keys(view)).not.toEqual(expect.arrayContaining(['accountId']));
    expect(JSON.stringify(view)).not.toMatch(/login-1|ACCOUNT#|gsi1/);
  });
});

describe('account and membership builders', () => {
  it('moves the account version only from the expected one', () => {
    // Act
    const update = bumpAccountVersionUpdate('a1', 3, 'now');

    // Assess
    expect(update.ConditionExpression).toContain('#version = :expected');
    expect(update.ExpressionAttributeValues).toMatchObject({ ':expected': 3, ':next': 4 });
  });

  it('reads the membership strongly consistent by login and account', () => {
    // Act
    const get = getMembershipCommand({ loginId: 'L', accountId: 'A' });

    // Assess
    expect(get).toEqual({
      Key: { pk: 'LOGIN#L', sk: 'ACCOUNT#A' },
      ConsistentRead: true,
    });
  });

  it('reads a login partition with one Query', () => {
    expect(loginPartitionQuery('L').ExpressionAttributeValues).toEqual({ ':pk': 'LOGIN#L' });
  });

  it('matches contract numbers without case or spaces', () => {
    expect(normaliseContractNumber('  c-1001 ')).toBe('C-1001');
  });
});

describe('diffFields', () => {
  it('records before and after of changed fields only', () => {
    // Act
    const changes = diffFields(contact, { ...contact, phone: '+442079460000' }, ['phone', 'email']);

    // Assess
    expect(changes).toEqual({ phone: { before: '+441632960961', after: '+442079460000' } });
  });
});

describe('rate counters', () => {
  it('counts in the window that holds the moment, only while under the limit', () => {
    // Prepare
    const now = new Date('2026-03-01T10:59:30Z');

    // Act
    const update = takeRateTokenUpdate(
      { subject: 'ticket#login#l1', limit: 20, windowSeconds: 3600 },
      now
    );

    // Assess
    expect(update.Key).toEqual({
      pk: 'RATE#ticket#login#l1',
      sk: String(Date.parse('2026-03-01T10:00:00Z') / 1000),
    });
    expect(update.ConditionExpression).toBe('attribute_not_exists(#count) OR #count < :limit');
    expect(update.ExpressionAttributeValues?.[':limit']).toBe(20);
  });

  it('says how long until the window ends, at least a second', () => {
    // Act
    const left = [
      secondsLeftInWindow(new Date('2026-03-01T10:59:30Z'), 3600),
      secondsLeftInWindow(new Date('2026-03-01T10:00:00Z'), 3600),
      secondsLeftInWindow(new Date('2026-03-01T10:59:59.900Z'), 3600),
    ];

    // Assess
    expect(left).toEqual([30, 3600, 1]);
  });
});
