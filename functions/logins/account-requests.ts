/**
 * "Request an account": someone with a contract number and the email of a
 * contact of that account asks for a login. Whatever the details, the
 * answer is the same and takes at least the same time (no enumeration);
 * requests are counted per email and per source address.
 */
import { outboxWrites, writeTogether } from '#core/db/transact';
import { contactDisplayName, normaliseEmail } from '#core/entities/contact';
import { contractMarkerKeys } from '#core/entities/contract';
import { takeRateTokenUpdate } from '#core/entities/rate-counter';
import { quoted } from '#core/mail/security-mail';
import { now, nowIso } from '#core/platform/clock';
import { TooManyRequestsError } from '#core/platform/errors';
import { logger } from '#core/platform/observability';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import { contactIn, loadProfile } from '#core/workflows/account-profile';
import { activate } from './activation.ts';
import { rateLimitSubjectOfAddress } from './source-address.ts';

export const ACCOUNT_REQUEST_LIMITS = {
  perEmail: { limit: 3, windowSeconds: 3600 },
  perSourceIp: { limit: 20, windowSeconds: 3600 },
} as const;

/** Every answer takes at least this long, so a match cannot be told apart by timing. */
export const ACCOUNT_REQUEST_MIN_MS = 1500;

export const ACCOUNT_REQUEST_ANSWER = {
  status: 'received',
  message:
    'If this email belongs to a contact of that contract and has no login yet, an invitation is on its way. ' +
    'Otherwise ask the account holder to give you access.',
} as const;

const countRequest = async (store: TableStore, email: string, sourceIp: string, now: Date) => {
  const { perEmail, perSourceIp } = ACCOUNT_REQUEST_LIMITS;
  await writeTogether(
    [
      {
        action: {
          Update: takeRateTokenUpdate(
            { subject: `account-request#email#${email}`, ...perEmail },
            now
          ),
        },
      },
      {
        action: {
          Update: takeRateTokenUpdate(
            {
              subject: `account-request#ip#${rateLimitSubjectOfAddress(sourceIp)}`,
              ...perSourceIp,
            },
            now
          ),
        },
      },
    ],
    () =>
      new TooManyRequestsError(
        PROBLEM.rateLimited,
        'Too many account requests; try again in an hour.',
        perEmail.windowSeconds
      ),
    store
  );
};

const accountOfContract = async (
  store: TableStore,
  contractNumber: string
): Promise<string | undefined> => {
  const item = await store.get({
    Key: contractMarkerKeys(contractNumber),
    ConsistentRead: true,
  });
  return typeof item?.accountId === 'string' ? item.accountId : undefined;
};

/** Invites the matching contact, if there is one; says nothing either way. */
const inviteIfMatching = async (store: TableStore, contractNumber: string, email: string) => {
  const accountId = await accountOfContract(store, contractNumber);
  if (!accountId) return;
  const profile = await loadProfile(accountId, store);
  const contact = profile.contacts.find((candidate) => normaliseEmail(candidate.email) === email);
  if (!contact || contact.loginId) return;
  const primary = contactIn(profile, profile.account.primaryContactId);
  // No areas: the login can sign in and see the account; the holder decides what it may open.
  // The holder itself (an account the operators loaded) gets the primary login instead.
  await activate(
    store,
    { loginId: 'account-request', name: contactDisplayName(contact) },
    profile,
    contact,
    [],
    {
      invite: true,
    }
  );
  // The holder asking for their own login needs no notice beyond the invitation.
  if (contact.isPrimary) return;
  await writeTogether(
    outboxWrites(accountId, nowIso(), [
      {
        kind: 'mail',
        to: primary.email,
        subject: 'A contact asked for a login',
        // The contact's name is data the account typed: quoted, on its own line.
        text:
          'Hello,\n\nThis contact of your client area asked for a login and was sent an invitation ' +
          'that opens no area yet:\n\n' +
          `  Contact: ${quoted(contactDisplayName(contact))}\n  Email: ${contact.email}\n\n` +
          'Grant the areas they need under Contacts, or withdraw the login there.\n',
      },
    ]),
    () => new Error('outbox write failed'),
    store
  );
};

export const requestAccount = async (
  store: TableStore,
  input: { contractNumber: string; email: string },
  sourceIp: string
) => {
  const started = Date.now();
  const email = normaliseEmail(input.email);
  await countRequest(store, email, sourceIp, now());
  try {
    await inviteIfMatching(store, input.contractNumber, email);
  } catch (error) {
    // The caller learns nothing from a failure either; the operators do.
    logger.error('account request could not be completed', { error });
  }
  const wait = ACCOUNT_REQUEST_MIN_MS - (Date.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return ACCOUNT_REQUEST_ANSWER;
};
