import { describe, expect, it } from 'vitest';
import { createPut, patchAtVersion, patchIfExists, replacePut } from '#core/entities/item-writes';

const key = { pk: 'ACCOUNT#a1', sk: 'ACCOUNT' };

describe('createPut', () => {
  it('refuses to overwrite an item with the same key', () => {
    // Act
    const put = createPut({ ...key, entity: 'account' });

    // Assess
    expect(put).toEqual({
      Item: { ...key, entity: 'account' },
      ConditionExpression: 'attribute_not_exists(#pk)',
      ExpressionAttributeNames: { '#pk': 'pk' },
    });
  });
});

describe('replacePut', () => {
  it('writes only over the version that was read', () => {
    // Act
    const put = replacePut({ ...key, version: 5 }, 4);

    // Assess
    expect(put.ConditionExpression).toBe('attribute_exists(#pk) AND #version = :expected');
    expect(put.ExpressionAttributeNames).toEqual({ '#pk': 'pk', '#version': 'version' });
    expect(put.ExpressionAttributeValues).toEqual({ ':expected': 4 });
  });
});

describe('patchIfExists', () => {
  it('sets the fields given a value and leaves undefined ones alone', () => {
    // Act
    const update = patchIfExists(key, { status: 'active', permissions: undefined });

    // Assess
    expect(update).toEqual({
      Key: key,
      UpdateExpression: 'SET #status = :status',
      ConditionExpression: 'attribute_exists(#pk)',
      ExpressionAttributeNames: { '#pk': 'pk', '#status': 'status' },
      ExpressionAttributeValues: { ':status': 'active' },
    });
  });
});

describe('patchAtVersion', () => {
  it('moves the version on only from the one read, with the caller’s extra condition', () => {
    // Act
    const update = patchAtVersion(key, { updatedAt: 'now' }, 3, {
      expression: '#scope = :global',
      names: { '#scope': 'supportScope' },
      values: { ':global': 'global' },
    });

    // Assess
    expect(update.UpdateExpression).toBe('SET #updatedAt = :updatedAt, #version = :next');
    expect(update.ConditionExpression).toBe(
      'attribute_exists(#pk) AND #version = :expected AND #scope = :global'
    );
    expect(update.ExpressionAttributeValues).toEqual({
      ':expected': 3,
      ':next': 4,
      ':updatedAt': 'now',
      ':global': 'global',
    });
  });
});
