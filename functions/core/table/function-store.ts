/**
 * The function's table store: one per function, over its one document
 * client and the table its environment names, built when the module loads.
 * Handlers give it to their services.
 */
import { dynamo, tableName } from '../platform/clients/dynamodb.ts';
import { dynamoTableStore } from './store.ts';

export const tableStore = dynamoTableStore(dynamo, tableName);
