import { dynamo, tableName } from '#core/clients/dynamodb';
import { dynamoTableStore } from '#core/store';
import { describeTableStore } from '../support/memory-table/cases.ts';

const store = dynamoTableStore(dynamo);

describeTableStore('DynamoDB Local', () => ({ store, tableName }));
