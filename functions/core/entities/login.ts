/**
 * Login profile: the person behind a Cognito login (one per person, shared
 * by every account the login belongs to). Lives in the login's partition
 * beside its memberships.
 */
import type { PendingEmailChange } from '../rules/email-change.ts';
import type { TransactUpdate } from '../table/db.ts';
import type { PutInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import {
  attributesOf,
  type EntityOf,
  flag,
  integer,
  oneOf,
  optional,
  readItem,
  shaped,
  text,
  withDefault,
} from './attributes.ts';
import { CONTACT_LANGUAGES, DEFAULT_CONTACT_LANGUAGE } from './contact.ts';
import { createPut, patchIfExists } from './item-writes.ts';

/** What a login profile item holds, declared once: the type and the item mapping derive from it. */
export const LOGIN_ATTRIBUTES = {
  loginId: text(),
  name: text(),
  email: text(),
  /**
   * The language of the mail Cognito sends this person (reset codes), from
   * their own contact; profiles written before it existed read as English.
   */
  language: withDefault(oneOf(CONTACT_LANGUAGES), DEFAULT_CONTACT_LANGUAGE),
  /**
   * Whether the owner of the mailbox holds the login's password. `false`
   * for a login created by an account (a password the granter chose, or an
   * invitation not yet sent): such a login opens only `confinedToAccountId`
   * and joins or heads no other account until Portico has mailed the
   * address a fresh password and ended every older session. Profiles
   * written before this field existed count as proven.
   */
  emailProven: withDefault(flag(), true),
  /** The account that created the login, while it is not proven. */
  confinedToAccountId: optional(text()),
  /** Sessions that started before this time (epoch seconds) are refused. */
  sessionsNotBefore: optional(integer()),
  /** A new login email waiting for the code mailed to it (`POST /me/email-change`). */
  emailChange: optional(shaped<PendingEmailChange>()),
  createdAt: text(),
  updatedAt: text(),
};

export type LoginProfile = EntityOf<typeof LOGIN_ATTRIBUTES>;

export const loginKeys = (loginId: string) => ({
  [TABLE.partitionKey]: `${PREFIX.login}${loginId}`,
  [TABLE.sortKey]: PREFIX.loginProfile,
});

export const toLoginItem = (login: LoginProfile) => ({
  ...loginKeys(login.loginId),
  entity: 'login',
  ...attributesOf(LOGIN_ATTRIBUTES, login),
});

export const fromLoginItem = (item: Record<string, unknown>): LoginProfile =>
  readItem('login', LOGIN_ATTRIBUTES, item);

export const isLoginItem = (item: Record<string, unknown>) => item.entity === 'login';

/** create: one profile per login. */
export const createLoginPut = (login: LoginProfile): PutInput => createPut(toLoginItem(login));

/** patch: the person's display name, email and language follow their contact details. */
export const patchLoginUpdate = (
  login: Pick<LoginProfile, 'loginId' | 'name' | 'email' | 'language' | 'updatedAt'>
): TransactUpdate =>
  patchIfExists(loginKeys(login.loginId), {
    name: login.name,
    email: login.email,
    language: login.language,
    updatedAt: login.updatedAt,
  });

export const getLoginCommand = (loginId: string) => ({
  Key: loginKeys(loginId),
  ConsistentRead: true,
});

/**
 * The mailbox owner has been sent a fresh password: the login is proven,
 * no longer confined, and sessions older than `notBefore` are refused.
 */
export const markLoginProvenUpdate = (
  loginId: string,
  notBefore: number,
  now: string
): TransactUpdate => ({
  Key: loginKeys(loginId),
  UpdateExpression:
    'SET #proven = :true, #notBefore = :notBefore, #updatedAt = :now REMOVE #confined',
  ConditionExpression: 'attribute_exists(#pk)',
  ExpressionAttributeNames: {
    '#pk': TABLE.partitionKey,
    '#proven': 'emailProven',
    '#notBefore': 'sessionsNotBefore',
    '#updatedAt': 'updatedAt',
    '#confined': 'confinedToAccountId',
  },
  ExpressionAttributeValues: { ':true': true, ':notBefore': notBefore, ':now': now },
});

/** Whether a session that started at `authTime` (epoch seconds) still counts. */
export const sessionStillValid = (
  record: { sessionsNotBefore?: number },
  authTime: number | undefined
) => record.sessionsNotBefore === undefined || (authTime ?? 0) >= record.sessionsNotBefore;

/** A new pending login email (replacing any earlier one and its attempts). */
export const startLoginEmailChangeUpdate = (
  loginId: string,
  pending: PendingEmailChange,
  now: string
): TransactUpdate => patchIfExists(loginKeys(loginId), { emailChange: pending, updatedAt: now });

/** Drops a pending login email (the owner sent its current address back). */
export const cancelLoginEmailChangeUpdate = (loginId: string, now: string) => ({
  Key: loginKeys(loginId),
  UpdateExpression: 'SET #updatedAt = :now REMOVE #change',
  ConditionExpression: 'attribute_exists(#pk)',
  ExpressionAttributeNames: {
    '#pk': TABLE.partitionKey,
    '#updatedAt': 'updatedAt',
    '#change': 'emailChange',
  },
  ExpressionAttributeValues: { ':now': now },
});

const sameCode = (hash: string) => ({
  ConditionExpression: '#change.#hash = :hash',
  names: { '#change': 'emailChange', '#hash': 'codeHash' },
  values: { ':hash': hash },
});

/** Spends one attempt, before the guess is compared, while that code is pending and has one left. */
export const spendLoginEmailAttemptUpdate = (loginId: string, codeHash: string): TransactUpdate => {
  const condition = sameCode(codeHash);
  return {
    Key: loginKeys(loginId),
    UpdateExpression: 'SET #change.#attempts = #change.#attempts - :one',
    ConditionExpression: `${condition.ConditionExpression} AND #change.#attempts > :zero`,
    ExpressionAttributeNames: { ...condition.names, '#attempts': 'attemptsLeft' },
    ExpressionAttributeValues: { ...condition.values, ':one': 1, ':zero': 0 },
  };
};

/** The confirmed address becomes the login's, only while the same code is pending. */
export const confirmLoginEmailUpdate = (
  loginId: string,
  change: { email: string; codeHash: string; now: string }
): TransactUpdate => {
  const condition = sameCode(change.codeHash);
  return {
    Key: loginKeys(loginId),
    UpdateExpression: 'SET #email = :email, #updatedAt = :now REMOVE #change',
    ConditionExpression: condition.ConditionExpression,
    ExpressionAttributeNames: { ...condition.names, '#email': 'email', '#updatedAt': 'updatedAt' },
    ExpressionAttributeValues: { ...condition.values, ':email': change.email, ':now': change.now },
  };
};
