import { dynamo, tableName } from '#core/platform/clients/dynamodb';
import { dynamoTableStore } from '#core/table/store';
import { describeTableStore } from '../support/memory-table/cases.ts';

const store = dynamoTableStore(dynamo, tableName);

describeTableStore('DynamoDB Local', () => store);
