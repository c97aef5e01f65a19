/**
 * What Portico relies on from its table, as cases any TableStore must pass:
 * run on the in-memory table (unit) and on DynamoDB Local (integration), so
 * service unit tests on the memory table mean what they say. The writes are
 * the entity modules' own builders.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPut, patchAtVersion } from '#core/entities/item-writes';
import { supportReachCheck, toMembershipItem } from '#core/entities/membership';
import { takeRateTokenUpdate } from '#core/entities/rate-counter';
import {
  putSupportContactUpdate,
  removeSupportContactUpdate,
  serviceKeys,
  toServiceItem,
} from '#core/entities/service';
import { cancellations } from '#core/table/db';
import { queryAll, type TableStore, updateIf } from '#core/table/store';
import { TABLE } from '#core/table/table';

const AT = '2026-01-01T00:00:00.000Z';

const errorOf = async (act: () => Promise<unknown>) => {
  try {
    await act();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the table to refuse');
};

export const describeTableStore = (name: string, open: () => TableStore) =>
  describe(`${name}: what Portico relies on from its table`, () => {
    const key = (pk: string, sk: string) => ({ [TABLE.partitionKey]: pk, [TABLE.sortKey]: sk });
    const fresh = () => `T#${randomUUID()}`;

    it('creates an item once and refuses to overwrite it', async () => {
      // Prepare
      const store = open();
      const pk = fresh();

      // Act
      await store.put(createPut({ ...key(pk, 'A'), note: 'first' }));
      const again = await errorOf(() => store.put(createPut({ ...key(pk, 'A'), note: 'second' })));

      // Assess
      expect(again.name).toBe('ConditionalCheckFailedException');
      expect(await store.get({ Key: key(pk, 'A'), ConsistentRead: true })).toMatchObject({
        note: 'first',
      });
    });

    it('moves a version only from the one that was read', async () => {
      // Prepare
      const store = open();
      const pk = fresh();
      await store.put(createPut({ ...key(pk, 'A'), version: 1, note: 'a' }));

      // Act
      await store.update(patchAtVersion(key(pk, 'A'), { note: 'b' }, 1));
      const stale = await errorOf(() =>
        store.update(patchAtVersion(key(pk, 'A'), { note: 'c' }, 1))
      );

      // Assess
      expect(stale.name).toBe('ConditionalCheckFailedException');
      expect(await store.get({ Key: key(pk, 'A') })).toMatchObject({
        version: 2,
        note: 'b',
      });
    });

    it('writes a transaction whole or not at all, saying which condition failed and what stood there', async () => {
      // Prepare
      const store = open();
      const pk = fresh();
      await store.put(createPut({ ...key(pk, 'B'), version: 5 }));

      // Act
      const error = await errorOf(() =>
        store.transact([
          { Put: createPut({ ...key(pk, 'A'), note: 'new' }) },
          {
            Update: {
              ...patchAtVersion(key(pk, 'B'), { note: 'x' }, 4),
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
        ])
      );

      // Assess
      expect(error.name).toBe('TransactionCanceledException');
      const reasons = cancellations(error);
      expect(reasons?.map((reason) => reason.code)).toEqual([undefined, 'ConditionalCheckFailed']);
      expect(reasons?.[1]?.item).toMatchObject({ version: 5 });
      expect(await store.get({ Key: key(pk, 'A') })).toBeUndefined();
    });

    it('counts rate tokens up to the limit of their window, then refuses', async () => {
      // Prepare
      const store = open();
      const window = { subject: fresh(), limit: 2, windowSeconds: 3600 };
      const now = new Date(AT);

      // Act
      await store.update(takeRateTokenUpdate(window, now));
      await store.update(takeRateTokenUpdate(window, now));
      const third = await errorOf(() => store.update(takeRateTokenUpdate(window, now)));

      // Assess
      expect(third.name).toBe('ConditionalCheckFailedException');
    });

    it('reports a conditional update its condition refused as not applied, changing nothing', async () => {
      // Prepare
      const store = open();
      const pk = fresh();
      await store.put(createPut({ ...key(pk, 'A'), version: 1, note: 'a' }));

      // Act
      const applied = await updateIf(store, patchAtVersion(key(pk, 'A'), { note: 'b' }, 1));
      const refused = await updateIf(store, patchAtVersion(key(pk, 'A'), { note: 'c' }, 1));
      const missing = await updateIf(store, patchAtVersion(key(pk, 'B'), { note: 'd' }, 1));

      // Assess
      expect([applied, refused, missing]).toEqual([true, false, false]);
      expect(await store.get({ Key: key(pk, 'A') })).toMatchObject({
        version: 2,
        note: 'b',
      });
      expect(await store.get({ Key: key(pk, 'B') })).toBeUndefined();
    });

    it('sets and removes one entry of a map attribute, adding to the version', async () => {
      // Prepare
      const store = open();
      const ids = { accountId: randomUUID(), serviceId: 's1' };
      await store.put(
        createPut(
          toServiceItem({
            id: ids.serviceId,
            accountId: ids.accountId,
            type: 'hosting',
            label: 'Web',
            status: 'active',
            externalId: 'x1',
            supportContacts: {},
            version: 1,
            createdAt: AT,
            updatedAt: AT,
          })
        )
      );
      const snapshot = {
        id: 'c1',
        name: 'Ann',
        email: 'ann@example.com',
        supportScope: 'global' as const,
        assignedAt: AT,
      };

      // Act
      await store.update(putSupportContactUpdate(ids, snapshot, AT, 1));
      const afterPut = await store.get({ Key: serviceKeys(ids) });
      await store.update(removeSupportContactUpdate(ids, 'c1', AT));
      const afterRemove = await store.get({ Key: serviceKeys(ids) });
      const stale = await errorOf(() =>
        store.update(putSupportContactUpdate(ids, snapshot, AT, 1))
      );

      // Assess
      expect(afterPut).toMatchObject({ version: 2, supportContacts: { c1: snapshot } });
      expect(afterRemove).toMatchObject({ version: 3, supportContacts: {} });
      expect(stale.name).toBe('ConditionalCheckFailedException');
    });

    it('checks a list attribute with contains() inside a condition check', async () => {
      // Prepare
      const store = open();
      const ids = { loginId: randomUUID(), accountId: 'a1' };
      await store.put(
        createPut(
          toMembershipItem({
            ...ids,
            contactId: 'c1',
            role: 'sub-account',
            permissions: ['tickets'],
            status: 'active',
            primaryContactId: 'c0',
            supportScope: 'isolated',
            supportServiceIds: ['s1'],
            createdAt: AT,
            updatedAt: AT,
          })
        )
      );

      // Act
      await store.transact([{ ConditionCheck: supportReachCheck(ids, 's1') }]);
      const other = await errorOf(() =>
        store.transact([{ ConditionCheck: supportReachCheck(ids, 's2') }])
      );

      // Assess
      expect(cancellations(other)?.map((reason) => reason.code)).toEqual([
        'ConditionalCheckFailed',
      ]);
    });

    it('queries a partition in sort-key order, both ways, a page at a time', async () => {
      // Prepare
      const store = open();
      const pk = fresh();
      for (const sk of ['B#2', 'A#1', 'B#1', 'B#3', 'C#1']) await store.put(createPut(key(pk, sk)));
      const listing = {
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
        ExpressionAttributeValues: { ':pk': pk, ':prefix': 'B#' },
        ConsistentRead: true,
      };

      // Act
      const first = await store.query({ ...listing, Limit: 2 });
      const second = await store.query({ ...listing, Limit: 2, ExclusiveStartKey: first.lastKey });
      const newestFirst = await store.query({ ...listing, ScanIndexForward: false });
      const between = await store.query({
        ...listing,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': 'A#1', ':to': 'B#2' },
      });
      const all = await queryAll(store, { ...listing, Limit: 1 });

      // Assess
      expect(first.items.map((item) => item.sk)).toEqual(['B#1', 'B#2']);
      expect(first.lastKey).toEqual(key(pk, 'B#2'));
      expect(second.items.map((item) => item.sk)).toEqual(['B#3']);
      expect(second.lastKey).toBeUndefined();
      expect(newestFirst.items.map((item) => item.sk)).toEqual(['B#3', 'B#2', 'B#1']);
      expect(between.items.map((item) => item.sk)).toEqual(['A#1', 'B#1', 'B#2']);
      expect(all.map((item) => item.sk)).toEqual(['B#1', 'B#2', 'B#3']);
    });

    it('queries an index with the index keys in the page key, skipping items without them', async () => {
      // Prepare
      const store = open();
      const pk = fresh();
      const gsi = TABLE.indexes.gsi1;
      await store.put(
        createPut({
          ...key(pk, '1'),
          [gsi.partitionKey]: `${pk}-list`,
          [gsi.sortKey]: 'b',
        })
      );
      await store.put(
        createPut({
          ...key(pk, '2'),
          [gsi.partitionKey]: `${pk}-list`,
          [gsi.sortKey]: 'a',
        })
      );
      await store.put(createPut({ ...key(pk, '3') }));

      // Act
      const page = await store.query({
        IndexName: gsi.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': gsi.partitionKey },
        ExpressionAttributeValues: { ':pk': `${pk}-list` },
        Limit: 1,
      });

      // Assess
      expect(page.items.map((item) => item.sk)).toEqual(['2']);
      expect(page.lastKey).toEqual({
        ...key(pk, '2'),
        [gsi.partitionKey]: `${pk}-list`,
        [gsi.sortKey]: 'a',
      });
    });

    it('reads several keys at once, answering only those that exist', async () => {
      // Prepare
      const store = open();
      const pk = fresh();
      await store.put(createPut({ ...key(pk, 'A'), note: 'a' }));
      await store.put(createPut({ ...key(pk, 'B'), note: 'b' }));

      // Act
      const items = await store.getMany([key(pk, 'A'), key(pk, 'B'), key(pk, 'missing')]);

      // Assess
      expect(items.map((item) => item.note).sort()).toEqual(['a', 'b']);
    });

    it('deletes only on its condition, and a delete of nothing is no error', async () => {
      // Prepare
      const store = open();
      const pk = fresh();
      await store.put(createPut({ ...key(pk, 'A'), owner: 'l1' }));
      const ownedBy = (owner: string) => ({
        Key: key(pk, 'A'),
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': owner },
      });

      // Act
      const refused = await errorOf(() => store.delete(ownedBy('l2')));
      await store.delete(ownedBy('l1'));
      await store.delete({ Key: key(pk, 'A') });

      // Assess
      expect(refused.name).toBe('ConditionalCheckFailedException');
      expect(await store.get({ Key: key(pk, 'A') })).toBeUndefined();
    });
  });
