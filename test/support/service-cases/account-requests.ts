/**
 * "Request an account" (functions/logins/account-requests.ts): whatever the
 * details, the same answer after the same writes and no trace in the
 * account; past a rate limit, a 429 and nothing queued. What the queued
 * task does is the outbox's (test/e2e/account-requests.test.ts).
 */
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createContractMarkerPut } from '#core/entities/contract';
import { outboxKeys } from '#core/entities/outbox';
import { takeRateTokenUpdate } from '#core/entities/rate-counter';
import { PROBLEM } from '#core/platform/problem-types';
import type { TransactItem } from '#core/table/db';
import type { TableStore } from '#core/table/store';
import {
  ACCOUNT_REQUEST_ANSWER,
  ACCOUNT_REQUEST_LIMITS,
  requestAccount,
} from '../../../functions/logins/account-requests.ts';
import { newAccount, storeAccount, storedOf, watched } from '../store-accounts.ts';
import { AT, expectProblem, refusalOf } from './common.ts';

/** An address no other case (nor an earlier run on the same table) counts requests for. */
const sourceIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** An account with its contract marker, a contact without a login and one with. */
const accountWithContract = async (store: TableStore) => {
  const account = newAccount();
  const contractNumber = `R-${account.accountId.slice(0, 8)}`;
  const withoutLogin = account.contact('nologin', {
    email: `nologin-${account.accountId}@customer.example`,
  });
  const withLogin = account.subAccount('withlogin', [], {
    email: `withlogin-${account.accountId}@customer.example`,
  });
  await storeAccount(store, { contacts: [account.primary, withoutLogin, withLogin] });
  await store.put(
    createContractMarkerPut({
      contractNumber,
      accountId: account.accountId,
      createdAt: AT,
    })
  );
  return { ...account, contractNumber, withoutLogin, withLogin };
};

/** A store that counts reads and keeps every transaction it is asked to run. */
const recording = (store: TableStore) => {
  const transactions: TransactItem[][] = [];
  const counted = watched(store);
  return {
    ...counted,
    transactions,
    transact: async (actions: TransactItem[]) => {
      transactions.push(actions);
      return counted.transact(actions);
    },
  };
};

/** Which kind of action each item of a transaction is. */
const shapeOf = (actions: TransactItem[]) => actions.map((action) => Object.keys(action)[0]);

/** Takes every token of a limit's window, as that many earlier requests did. */
const useUp = async (
  store: TableStore,
  subject: string,
  limit: { limit: number; windowSeconds: number }
) => {
  for (let taken = 0; taken < limit.limit; taken++)
    await store.update(takeRateTokenUpdate({ subject, ...limit }, new Date()));
};

export const describeAccountRequests = (name: string, open: () => TableStore) =>
  describe(`${name}: account requests`, () => {
    it('answers a match and every kind of miss with the same answer after the same writes, reading nothing (no enumeration by content or timing)', async () => {
      // Prepare
      const store = open();
      const mine = await accountWithContract(store);
      const theirs = await accountWithContract(store);
      const details = [
        { contractNumber: mine.contractNumber, email: mine.withoutLogin.email },
        { contractNumber: 'R-NOSUCH', email: mine.withoutLogin.email },
        { contractNumber: mine.contractNumber, email: theirs.withoutLogin.email },
        { contractNumber: mine.contractNumber, email: mine.withLogin.email },
      ];

      // Act: each through a store of its own that records what the request does
      const runs = await Promise.all(
        details.map(async (input) => {
          const recorded = recording(store);
          const answer = await requestAccount(recorded, input, sourceIp());
          return { answer, reads: recorded.calls.reads, writes: recorded.transactions };
        })
      );

      // Assess: identical but for the details the requester typed
      for (const run of runs) {
        expect(run.answer).toEqual(ACCOUNT_REQUEST_ANSWER);
        expect(run.reads).toBe(0);
        expect(run.writes.map(shapeOf)).toEqual([['Update', 'Update', 'Put']]);
      }
      const tasks = runs.map((run) => run.writes[0]?.[2]?.Put?.Item);
      expect(tasks.map((item) => item?.task)).toEqual(
        details.map((input) => ({
          kind: 'account-request',
          contractNumber: input.contractNumber,
          email: input.email.toLowerCase(),
        }))
      );
      expect(tasks.map((item) => item?.accountId)).toEqual(details.map(() => undefined));
      const stored = storedOf(store);
      expect(await stored.contact(mine.withoutLogin)).toEqual(mine.withoutLogin);
      expect(await stored.contact(theirs.withoutLogin)).toEqual(theirs.withoutLogin);
      expect(await stored.audit(mine.accountId)).toEqual([]);
      expect(await stored.audit(theirs.accountId)).toEqual([]);
    });

    it('refuses a fourth request for one address within the hour with a 429, before looking anything up', async () => {
      // Prepare
      const store = open();
      const mine = await accountWithContract(store);
      const email = mine.withoutLogin.email.toLowerCase();
      await useUp(store, `account-request#email#${email}`, ACCOUNT_REQUEST_LIMITS.perEmail);

      // Act
      const error = await refusalOf(() =>
        requestAccount(store, { contractNumber: mine.contractNumber, email }, sourceIp())
      );

      // Assess
      expectProblem(error, PROBLEM.rateLimited);
      expect(await storedOf(store).contact(mine.withoutLogin)).toEqual(mine.withoutLogin);
      expect(await storedOf(store).audit(mine.accountId)).toEqual([]);
    });

    it('queues nothing for a request past a limit, so a flood reaches no worker', async () => {
      // Prepare
      const store = open();
      const mine = await accountWithContract(store);
      const email = mine.withoutLogin.email.toLowerCase();
      await useUp(store, `account-request#email#${email}`, ACCOUNT_REQUEST_LIMITS.perEmail);
      const recorded = recording(store);

      // Act
      const error = await refusalOf(() =>
        requestAccount(recorded, { contractNumber: mine.contractNumber, email }, sourceIp())
      );

      // Assess: the one transaction that would have queued the task was refused whole
      expectProblem(error, PROBLEM.rateLimited);
      expect(recorded.transactions.map(shapeOf)).toEqual([['Update', 'Update', 'Put']]);
      const taskId = String(recorded.transactions[0]?.[2]?.Put?.Item?.id);
      expect(await store.get({ Key: outboxKeys(taskId), ConsistentRead: true })).toBeUndefined();
    });

    it('refuses a source address past its hourly requests whatever email it names', async () => {
      // Prepare
      const store = open();
      const mine = await accountWithContract(store);
      const ip = sourceIp();
      await useUp(store, `account-request#ip#${ip}`, ACCOUNT_REQUEST_LIMITS.perSourceIp);

      // Act
      const error = await refusalOf(() =>
        requestAccount(
          store,
          { contractNumber: mine.contractNumber, email: mine.withoutLogin.email },
          ip
        )
      );

      // Assess
      expectProblem(error, PROBLEM.rateLimited);
      expect(await storedOf(store).contact(mine.withoutLogin)).toEqual(mine.withoutLogin);
      expect(await storedOf(store).audit(mine.accountId)).toEqual([]);
    });
  });
