/**
 * A login changes its own login email, whichever accounts it belongs to
 * and whatever areas it holds there: the new address gets a code, the
 * current one a notice, and the change happens when the code comes back
 * from this same login. Confirming moves the one-login-per-address marker
 * and the profile together and queues the Cognito update, after which the
 * contact that stands for the login in each account follows
 * (outbox/login-email-follow.ts). My Details and a sub-account's own contact
 * offer the same change per account; this is the one every login has.
 */
import { sessionEnded } from '#core/access/authorization';
import type { LoginCaller } from '#core/access/caller';
import { type GuardedWrite, updateIf, writeTogether } from '#core/db/transact';
import { normaliseEmail } from '#core/entities/contact';
import {
  cancelLoginEmailChangeUpdate,
  confirmLoginEmailUpdate,
  fromLoginItem,
  getLoginCommand,
  type LoginProfile,
  sessionStillValid,
  spendLoginEmailAttemptUpdate,
  startLoginEmailChangeUpdate,
} from '#core/entities/login';
import { createLoginEmailPut, releaseLoginEmailDelete } from '#core/entities/login-email';
import { createOutboxPut, type OutboxTask } from '#core/entities/outbox';
import { mailLimitWrites } from '#core/mail/mail-limits';
import { emailChangedMail, emailChangeRequestedMails } from '#core/mail/security-mail';
import * as clock from '#core/platform/clock';
import { ConflictError, NotFoundError, ValidationError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import { checkEmailChangeCode, startEmailChange } from '#core/rules/email-change';
import type { TableStore } from '#core/table/store';
import { CODE_MAIL_LIMITS } from '#core/workflows/contact-email';

const ownLogin = async (store: TableStore, caller: LoginCaller): Promise<LoginProfile> => {
  const item = await store.get(getLoginCommand(caller.loginId));
  if (!item)
    throw new NotFoundError(PROBLEM.noProfile, 'This login has no client-area profile yet.');
  const login = fromLoginItem(item);
  if (!sessionStillValid(login, caller.authTime)) throw sessionEnded();
  return login;
};

const outbox = (tasks: OutboxTask[], now: string): GuardedWrite[] =>
  tasks.map((task) => ({ action: { Put: createOutboxPut(task, { now }) } }));

/** POST /me/email-change: a code to the new address, a notice to the current one. */
export const startOwnEmailChange = async (
  store: TableStore,
  caller: LoginCaller,
  email: string
) => {
  const login = await ownLogin(store, caller);
  if (!login.emailProven) {
    // Its address may not be its holder's: moving it would carry the login, and whatever
    // invitations wait for the address, to a mailbox nobody has proven.
    throw new ConflictError(
      PROBLEM.loginEmailUnproven,
      'This login’s address has not been confirmed by its mailbox yet, so it cannot move. ' +
        'Ask the account that created it to remove it and invite the address you want.',
      { field: 'email' }
    );
  }
  const now = clock.now();
  if (normaliseEmail(email) === normaliseEmail(login.email)) {
    await store.update(cancelLoginEmailChangeUpdate(login.loginId, now.toISOString()));
    return { email: login.email, pendingEmail: null };
  }
  const { pending, code } = startEmailChange(login.loginId, email, now, login.loginId);
  await writeTogether(
    [
      {
        action: {
          Update: startLoginEmailChangeUpdate(login.loginId, pending, now.toISOString()),
        },
      },
      ...outbox(emailChangeRequestedMails(login, email, code), now.toISOString()),
      ...mailLimitWrites(
        [{ subject: `email-code#login#${login.loginId}`, ...CODE_MAIL_LIMITS.perContact }],
        'confirmation codes',
        now
      ),
    ],
    () => new ConflictError(PROBLEM.changedMeanwhile, 'The login changed meanwhile; try again.'),
    store
  );
  return { email: login.email, pendingEmail: email, expiresAt: pending.expiresAt };
};

const codeError = (code: 'code_incorrect' | 'code_expired', message: string) =>
  new ValidationError(PROBLEM.validationFailed, [{ field: 'code', code, message }]);
const exhausted = () =>
  codeError('code_expired', 'The code has expired or was tried too often; ask for a new one.');

/** POST /me/email-verification: the code from the new address makes it the login email. */
export const confirmOwnEmailChange = async (
  store: TableStore,
  caller: LoginCaller,
  code: string
) => {
  const login = await ownLogin(store, caller);
  const pending = login.emailChange;
  if (!pending)
    throw new ConflictError(
      PROBLEM.noEmailChangePending,
      'No email change is waiting for confirmation.'
    );
  const now = clock.now();
  const verdict = checkEmailChangeCode(login.loginId, pending, code, now);
  if (verdict === 'expired' || verdict === 'exhausted') throw exhausted();
  // Every guess spends an attempt first (conditional update): concurrent guesses share none.
  const spent = await updateIf(
    spendLoginEmailAttemptUpdate(login.loginId, pending.codeHash),
    store
  );
  if (!spent) throw exhausted();
  if (verdict === 'wrong')
    throw codeError(
      'code_incorrect',
      `The code is not correct; ${pending.attemptsLeft - 1} attempts left.`
    );
  const at = now.toISOString();
  const email = pending.address;
  await writeTogether(
    [
      {
        action: {
          Update: confirmLoginEmailUpdate(login.loginId, {
            email,
            codeHash: pending.codeHash,
            now: at,
          }),
        },
        onConditionFailed: () =>
          new ConflictError(PROBLEM.codeReplaced, 'A newer code replaced this one.'),
      },
      {
        action: {
          Put: createLoginEmailPut({ email, loginId: login.loginId, createdAt: at }),
        },
        onConditionFailed: () =>
          new ConflictError(
            PROBLEM.loginEmailTaken,
            'Another login already uses this email address.'
          ),
      },
      {
        action: {
          Delete: releaseLoginEmailDelete({
            email: login.email,
            loginId: login.loginId,
          }),
        },
      },
      ...outbox(
        [
          { kind: 'login-email', loginId: login.loginId, email },
          emailChangedMail({ email, language: login.language }, login.email),
        ],
        at
      ),
    ],
    () => new ConflictError(PROBLEM.changedMeanwhile, 'The login changed meanwhile; try again.'),
    store
  );
  return { email, pendingEmail: null };
};
