/**
 * The command inputs the entity modules build and a TableStore takes: the
 * SDK's, without `TableName`. The table is bound once, when its store is
 * made (function-store.ts), so no builder or service names it.
 */
import type {
  DeleteCommandInput,
  GetCommandInput,
  PutCommandInput,
  QueryCommandInput,
  UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';

export type GetInput = Omit<GetCommandInput, 'TableName'>;
export type QueryInput = Omit<QueryCommandInput, 'TableName'>;
export type PutInput = Omit<PutCommandInput, 'TableName'>;
export type UpdateInput = Omit<UpdateCommandInput, 'TableName'>;
export type DeleteInput = Omit<DeleteCommandInput, 'TableName'>;
