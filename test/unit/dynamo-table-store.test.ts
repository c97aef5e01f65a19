import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createPut } from '#core/entities/item-writes';
import { dynamoTableStore } from '#core/table/store';

/** A document client that records each command's name and input, answering `answer`. */
const recordingClient = (answer: (name: string) => Record<string, unknown> = () => ({})) => {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      return answer(command.constructor.name);
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, sent };
};

const key = { pk: 'ACCOUNT#a1', sk: 'ACCOUNT' };

describe('dynamoTableStore', () => {
  it('names its one table in every single-item command and query', async () => {
    // Prepare
    const { client, sent } = recordingClient();
    const store = dynamoTableStore(client, 'portico-a');

    // Act
    await store.get({ Key: key });
    await store.query({ KeyConditionExpression: '#pk = :pk' });
    await store.put(createPut({ ...key, entity: 'account' }));
    await store.update({ Key: key, UpdateExpression: 'SET #a = :a' });
    await store.delete({ Key: key });

    // Assess
    expect(sent.map(({ name, input }) => [name, input.TableName])).toEqual([
      ['GetCommand', 'portico-a'],
      ['QueryCommand', 'portico-a'],
      ['PutCommand', 'portico-a'],
      ['UpdateCommand', 'portico-a'],
      ['DeleteCommand', 'portico-a'],
    ]);
    expect(sent[2]?.input).toMatchObject({
      Item: { ...key, entity: 'account' },
      ConditionExpression: 'attribute_not_exists(#pk)',
    });
  });

  it('names its table in each action of a transaction, keeping the actions as built', async () => {
    // Prepare
    const { client, sent } = recordingClient();
    const store = dynamoTableStore(client, 'portico-b');

    // Act
    await store.transact([
      { Put: { Item: key } },
      { Update: { Key: key, UpdateExpression: 'SET #a = :a' } },
      { Delete: { Key: key } },
      { ConditionCheck: { Key: key, ConditionExpression: 'attribute_exists(#pk)' } },
    ]);

    // Assess
    expect(sent[0]?.input.TransactItems).toEqual([
      { Put: { Item: key, TableName: 'portico-b' } },
      { Update: { Key: key, UpdateExpression: 'SET #a = :a', TableName: 'portico-b' } },
      { Delete: { Key: key, TableName: 'portico-b' } },
      {
        ConditionCheck: {
          Key: key,
          ConditionExpression: 'attribute_exists(#pk)',
          TableName: 'portico-b',
        },
      },
    ]);
  });

  it('reads many keys of its table with one consistent BatchGet', async () => {
    // Prepare
    const { client, sent } = recordingClient(() => ({ Responses: { 'portico-c': [key] } }));
    const store = dynamoTableStore(client, 'portico-c');

    // Act
    const items = await store.getMany([key]);

    // Assess
    expect(items).toEqual([key]);
    expect(sent.map(({ name, input }) => [name, input.RequestItems])).toEqual([
      ['BatchGetCommand', { 'portico-c': { Keys: [key], ConsistentRead: true } }],
    ]);
  });
});
