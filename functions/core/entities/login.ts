/**
 * Login profile: the person behind a Cognito login (one per person, shared
 * by every account the login belongs to). Lives in the login's partition
 * beside its memberships.
 */
import type { PutCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TransactUpdate } from '../db.ts';
import { PREFIX, TABLE } from '../table.ts';
import { createPut, patchIfExists } from './item-writes.ts';

export interface LoginProfile {
  loginId: string;
  name: string;
  email: string;
  createdAt: string;
  updatedAt: string;
}

export const loginKeys = (loginId: string) => ({
  [TABLE.partitionKey]: `${PREFIX.login}${loginId}`,
  [TABLE.sortKey]: PREFIX.loginProfile,
});

export const toLoginItem = (login: LoginProfile) => ({
  ...loginKeys(login.loginId),
  entity: 'login',
  ...login,
});

export const fromLoginItem = (item: Record<string, unknown>): LoginProfile => ({
  loginId: item.loginId as string,
  name: item.name as string,
  email: item.email as string,
  createdAt: item.createdAt as string,
  updatedAt: item.updatedAt as string,
});

export const isLoginItem = (item: Record<string, unknown>) => item.entity === 'login';

/** create: one profile per login. */
export const createLoginPut = (tableName: string, login: LoginProfile): PutCommandInput =>
  createPut(tableName, toLoginItem(login));

/** patch: the person's display name and email follow their contact details. */
export const patchLoginUpdate = (
  tableName: string,
  login: Pick<LoginProfile, 'loginId' | 'name' | 'email' | 'updatedAt'>
): TransactUpdate =>
  patchIfExists(tableName, loginKeys(login.loginId), {
    name: login.name,
    email: login.email,
    updatedAt: login.updatedAt,
  });
