import { describe, expect, it } from 'vitest';
import {
  attributesOf,
  ItemShapeError,
  integer,
  nullable,
  oneOf,
  optional,
  readItem,
  shaped,
  shapedList,
  text,
  textList,
  withDefault,
} from '#core/entities/attributes';
import { fromMembershipItem, toMembershipItem } from '#core/entities/membership';

const PLAN = {
  id: text(),
  tier: oneOf(['small', 'large']),
  seats: integer(),
  tags: withDefault(textList(), []),
  note: optional(text()),
  owner: shaped<{ name: string }>(),
  label: withDefault(text(), (item) => `plan ${String(item.id)}`),
  addOns: withDefault(shapedList<{ name: string }>(), []),
  parent: withDefault(nullable(shaped<{ id: string }>()), null),
};

describe('entity attributes', () => {
  it('reads every declared attribute into its type and nothing undeclared', () => {
    // Prepare
    const item = { pk: 'P#1', id: 'p1', tier: 'small', seats: 3, owner: { name: 'Ann' }, extra: 1 };

    // Act
    const plan = readItem('plan', PLAN, item);

    // Assess
    expect(plan).toEqual({
      id: 'p1',
      tier: 'small',
      seats: 3,
      tags: [],
      owner: { name: 'Ann' },
      label: 'plan p1',
      addOns: [],
      parent: null,
    });
    expect('note' in plan).toBe(false);
  });

  it.each([
    ['id', { id: 7 }, 'a string'],
    ['tier', { tier: 'medium' }, 'one of small, large'],
    ['seats', { seats: 2.5 }, 'an integer'],
    ['tags', { tags: ['a', 1] }, 'a list of strings'],
    ['note', { note: false }, 'a string'],
    ['owner', { owner: 'Ann' }, 'an object'],
    ['addOns', { addOns: [{ name: 'ssl' }, 'backup'] }, 'a list of objects'],
    ['parent', { parent: 'p0' }, 'an object'],
  ])('refuses an item whose %s is not what the entity declares', (attribute, change, expected) => {
    // Prepare
    const item = { id: 'p1', tier: 'small', seats: 3, owner: { name: 'Ann' }, ...change };

    // Act
    const read = () => readItem('plan', PLAN, item);

    // Assess
    expect(read).toThrow(ItemShapeError);
    expect(read).toThrow(`plan item: attribute "${attribute}" is not ${expected}`);
  });

  it('refuses an item that lacks a required attribute', () => {
    // Act
    const read = () => readItem('plan', PLAN, { id: 'p1', tier: 'small', owner: {} });

    // Assess
    expect(read).toThrow('plan item: attribute "seats" is not an integer');
  });

  it('writes the declared attributes only, leaving absent optional ones out', () => {
    // Prepare
    const value = { ...readItem('plan', PLAN, { id: 'p1', tier: 'large', seats: 1, owner: {} }) };

    // Act
    const written = attributesOf(PLAN, { ...value, ...{ smuggled: true } });

    // Assess
    expect(written).toEqual({
      id: 'p1',
      tier: 'large',
      seats: 1,
      tags: [],
      owner: {},
      label: 'plan p1',
      addOns: [],
      parent: null,
    });
  });

  it('reads a stored null as null and a stored list as it is', () => {
    // Prepare
    const item = { id: 'p1', tier: 'small', seats: 3, owner: {}, addOns: [{ name: 'ssl' }] };

    // Act
    const withParent = readItem('plan', PLAN, { ...item, parent: { id: 'p0' } });
    const orphan = readItem('plan', PLAN, { ...item, parent: null });

    // Assess
    expect(withParent.parent).toEqual({ id: 'p0' });
    expect(withParent.addOns).toEqual([{ name: 'ssl' }]);
    expect(orphan.parent).toBeNull();
  });

  it('round-trips a membership and reads an item from before support scopes as the role implies', () => {
    // Prepare
    const stored = toMembershipItem({
      loginId: 'l1',
      accountId: 'a1',
      contactId: 'c1',
      role: 'sub-account',
      permissions: ['tickets'],
      status: 'active',
      primaryContactId: 'c0',
      supportScope: 'isolated',
      supportServiceIds: ['s1'],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const { supportScope: _scope, supportServiceIds: _ids, ...older } = stored;

    // Act
    const again = fromMembershipItem(stored);
    const fromOlder = fromMembershipItem({ ...older, role: 'primary' });

    // Assess
    expect(again.supportScope).toBe('isolated');
    expect(again.supportServiceIds).toEqual(['s1']);
    expect('sessionsNotBefore' in again).toBe(false);
    expect(fromOlder.supportScope).toBe('global');
    expect(fromOlder.supportServiceIds).toEqual([]);
  });
});
