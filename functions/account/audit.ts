/** The account's audit trail, newest first, one page per request. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '#core/clients/dynamodb';
import { decodeCursor, encodeCursor, type Page } from '#core/db';
import { auditPageQuery, auditPartition, fromAuditItem, toAuditView } from '#core/entities/audit';
import type { PageQuery } from '#core/schemas';

export const listAuditEntries = async (
  accountId: string,
  { cursor, limit }: PageQuery
): Promise<Page<ReturnType<typeof toAuditView>>> => {
  const startKey = decodeCursor(cursor, auditPartition(accountId));
  const { Items = [], LastEvaluatedKey } = await dynamo.send(
    new QueryCommand(auditPageQuery(tableName, accountId, { limit, startKey }))
  );
  return {
    items: Items.map((item) => toAuditView(fromAuditItem(item))),
    cursor: encodeCursor(LastEvaluatedKey),
  };
};
