/**
 * Attacks on "a login belongs to whoever controls its mailbox", as another
 * customer, a lesser sub-account of the same account or a stranger with a
 * mailbox, alone or by chaining routes that look harmless one by one.
 *
 * Every test asserts the SAFE behaviour. A test marked `it.fails` is an
 * attack that works today: it documents a hole (see the comment above it);
 * once the hole is closed it starts passing and `it.fails` must go.
 */
import { randomUUID } from 'node:crypto';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { accountKeys } from '#core/entities/account';
import { contactKeys } from '#core/entities/contact';
import { loginKeys } from '#core/entities/login';
import { inFreshWindow } from '../support/clock.ts';
import { useGateway } from '../support/gateway.ts';
import type { ApiResponse } from '../support/http.ts';
import { accountLoad } from '../support/loads.ts';
import { eventually, mailTo, waitForMail } from '../support/mailbox.ts';
import { readItem, staffCall } from '../support/staff-calls.ts';
import {
  accessTokenFor,
  addContact,
  addSubAccountLogin,
  cognito,
  createTenant,
  firstSignIn,
  signedInTenant,
  subOfToken,
  TEST_PASSWORD,
  type Tenant,
  temporaryPasswordIn,
} from '../support/tenants.ts';

const gateway = useGateway();
const { api } = gateway;

const GRANTER_PASSWORD = 'Chosen-By-Attacker-1!';
const KEPT_PASSWORD = 'Kept-By-Attacker-2!';
const INVITATION = 'Your login to a client area';
const EXISTING_LOGIN_INVITATION = 'An invitation to another client area';
const CODE_MAIL = 'Confirm your new login email';

const unique = () => randomUUID().slice(0, 8);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const subAccountPath = (accountId: string, contactId: string) =>
  `/accounts/${accountId}/contacts/${contactId}/sub-account`;
const contactPath = (accountId: string, contactId: string) =>
  `/accounts/${accountId}/contacts/${contactId}`;
const codeIn = (text: string | undefined) => /code is (\d{6})/.exec(text ?? '')?.[1] ?? '';
const accountIdsOf = (list: unknown) => (list as { accountId: string }[]).map((a) => a.accountId);

/** What Cognito answers a sign-in: the challenge, "signed-in", or the error's name. */
const signInOutcome = async (email: string, password: string) => {
  try {
    const result = await cognito().send(
      new InitiateAuthCommand({
        ClientId: process.env.USER_POOL_CLIENT_ID ?? '',
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: password },
      })
    );
    return result.ChallengeName ?? 'signed-in';
  } catch (error) {
    return (error as Error).name;
  }
};

type Granter = { tenant: Tenant; token: string };

/**
 * A granter creates a login for `email` with a password it chose, signs in
 * as that address (replacing the password with one it keeps) and accepts:
 * the attacker's foothold on an address whose mailbox it does not control.
 */
const pretakenLogin = async (granter: Granter, email: string, permissions: string[] = []) => {
  const { contactId } = await addContact(granter.tenant, email);
  const put = await api('PUT', subAccountPath(granter.tenant.accountId, contactId), {
    token: granter.token,
    body: { permissions, password: GRANTER_PASSWORD },
  });
  expect(put.status, put.text).toBe(200);
  const session = await firstSignIn(email, GRANTER_PASSWORD, KEPT_PASSWORD);
  const accepted = await api('POST', `/me/invitations/${granter.tenant.accountId}`, {
    token: session,
  });
  expect(accepted.status, accepted.text).toBe(200);
  return { contactId, session };
};

/** Another account invites `email` by mail (`invite: true`). */
const inviteByMail = async (granter: Granter, email: string, permissions: string[]) => {
  const { contactId } = await addContact(granter.tenant, email);
  const put = await api('PUT', subAccountPath(granter.tenant.accountId, contactId), {
    token: granter.token,
    body: { permissions, invite: true },
  });
  expect(put.status, put.text).toBe(200);
  return contactId;
};

describe('tokens and stale sessions', () => {
  it('only an access token names a caller: an ID token is refused on /me, invitations and account routes', async () => {
    // Prepare: a signed-in primary holds both tokens of one sign-in.
    const { tenant } = await signedInTenant('Idtoken');
    const signedIn = await cognito().send(
      new InitiateAuthCommand({
        ClientId: process.env.USER_POOL_CLIENT_ID ?? '',
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: tenant.email, PASSWORD: TEST_PASSWORD },
      })
    );
    const idToken = signedIn.AuthenticationResult?.IdToken ?? '';

    // Act
    const answers = await Promise.all([
      api('GET', '/me', { token: idToken }),
      api('POST', `/me/invitations/${tenant.accountId}`, { token: idToken }),
      api('GET', `/accounts/${tenant.accountId}`, { token: idToken }),
      api('PATCH', `/accounts/${tenant.accountId}`, { token: idToken, body: { firstName: 'X' } }),
    ]);

    // Assess
    expect(idToken).not.toBe('');
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
  });

  it('a session from before the mailbox owner took the login back can neither decline, re-address nor open anything', async () => {
    // Prepare: the attacker holds a session on a login it created for the victim's address
    // (with `contacts`, so it could start an email change); another account then invites the
    // address and the outbox mails the owner a fresh password.
    const victimEmail = `stale-${unique()}@victim.example`;
    const attacker = await signedInTenant('Staleholder');
    const { contactId, session } = await pretakenLogin(attacker, victimEmail, ['contacts']);
    const provider = await signedInTenant('Provider');
    await inviteByMail(provider, victimEmail, ['profile']);
    const invitation = await waitForMail(victimEmail, INVITATION);
    const drop = `drop-${unique()}@attacker.example`;

    // Act: the old session tries everything a login may do for itself.
    const me = await api('GET', '/me', { token: session });
    const declined = await api('DELETE', `/me/invitations/${provider.tenant.accountId}`, {
      token: session,
    });
    const readdressed = await api('PATCH', contactPath(attacker.tenant.accountId, contactId), {
      token: session,
      body: { email: drop },
    });
    const opened = await api('GET', `/accounts/${attacker.tenant.accountId}/contacts`, {
      token: session,
    });
    const ownerSession = await firstSignIn(
      victimEmail,
      temporaryPasswordIn(invitation.body.text),
      'Owners-Pass-2026!'
    );
    const ownerMe = await api('GET', '/me', { token: ownerSession });

    // Assess
    expect([me.status, declined.status, readdressed.status, opened.status]).toEqual([
      401, 401, 401, 401,
    ]);
    expect(await mailTo(drop)).toEqual([]);
    expect(accountIdsOf(ownerMe.body.invitations)).toContain(provider.tenant.accountId);
    expect(ownerMe.body.email).toBe(victimEmail);
  }, 30_000);

  // HOLE: `sessionsNotBefore` is written on the login profile and on the memberships that
  // exist at takeover time only. authorizeMember (functions/core/access/authorization.ts) compares
  // the token's auth_time with the MEMBERSHIP's stamp, and a membership created later
  // (createMembershipPut in functions/core/workflows/login-activation.ts; acceptMembershipUpdate in
  // functions/me/invitations.ts) carries none. So a session that predates the takeover
  // opens every account the owner joins afterwards. Chain, as a lesser sub-account
  // (`contacts`) of the employer: create the new hire's login with a password of its own
  // choosing and sign in as the hire; wait until any other account invites the hire (the
  // owner gets a fresh password); withdraw and re-send the employer's invitation; once the
  // hire accepts it, the colleague's old token acts as the hire in the employer's account
  // (audit entries name the hire) for the token's lifetime (60 min; locally, refreshed
  // tokens are stamped anew, so for as long as the refresh token lives).
  // Fix: acceptInvitation already loads the login profile: copy its `sessionsNotBefore`
  // onto the membership in the same transaction (or have the authorizer take the later of
  // the two stamps).
  it('a session from before the takeover is refused on an account the owner joins afterwards', async () => {
    // Prepare: a lesser sub-account of the employer pre-takes the new hire's login.
    const employer = await signedInTenant('Employer');
    const colleague = await addSubAccountLogin(employer.tenant, ['contacts', 'profile']);
    const colleagueToken = await accessTokenFor(colleague.email);
    const hireEmail = `hire-${unique()}@victim.example`;
    const { contactId } = await addContact(employer.tenant, hireEmail);
    const hirePath = subAccountPath(employer.tenant.accountId, contactId);
    await api('PUT', hirePath, {
      token: colleagueToken,
      body: { permissions: ['profile'], password: GRANTER_PASSWORD },
    });
    const colleagueAsHire = await firstSignIn(hireEmail, GRANTER_PASSWORD, KEPT_PASSWORD);
    // Another account invites the hire: the owner takes the login back.
    const provider = await signedInTenant('Provider');
    await inviteByMail(provider, hireEmail, ['profile']);
    const mail = await waitForMail(hireEmail, INVITATION);
    const hireSession = await firstSignIn(
      hireEmail,
      temporaryPasswordIn(mail.body.text),
      'Hires-Own-Pass-3!'
    );
    // The colleague withdraws and re-sends the employer's invitation; the hire accepts it.
    await api('DELETE', hirePath, { token: colleagueToken });
    await api('PUT', hirePath, {
      token: colleagueToken,
      body: { permissions: ['profile'], invite: true },
    });
    const joined = await api('POST', `/me/invitations/${employer.tenant.accountId}`, {
      token: hireSession,
    });

    // Act: the colleague's session from before the takeover.
    const opened = await api('GET', `/accounts/${employer.tenant.accountId}`, {
      token: colleagueAsHire,
    });

    // Assess
    expect(joined.status).toBe(200);
    expect(opened.status).toBe(401);
  }, 40_000);

  // HOLE (race): the takeover (functions/outbox/tasks.ts `inviteLogin`) stamps
  // `sessionsNotBefore = nextSecond()` first, waits for that second and only THEN replaces
  // the password (AdminSetUserPassword). A sign-in with the granter's old password in the
  // gap (from the stamp's second until Cognito has stored the new password) gets
  // auth_time >= sessionsNotBefore: a session that survives the takeover, on a login that
  // is marked proven and unconfined a moment later. The attacker sees the moment coming
  // (its old session turns 401 about a second before), and keeps signing in. With that
  // session it accepts the inviting account's invitation before the owner does, and acts
  // as the owner there (in AWS, with the refresh token issued after the global sign-out,
  // for 30 days). Locally a few of the sign-ins made around that second survive.
  // Fix: replace the password FIRST, then stamp `sessionsNotBefore` with a second strictly
  // after the password change (and sign out globally again), wait for it, then mail.
  it('no sign-in with the granter’s old password survives the takeover, however it is timed', async () => {
    let survivor: string | undefined;
    let attempts = 0;
    let providerId = '';
    for (let round = 0; round < 3 && !survivor; round++) {
      // Prepare: a pre-taken login and an account about to invite its address.
      const victimEmail = `window-${unique()}@victim.example`;
      const attacker = await signedInTenant('Windower');
      const { session } = await pretakenLogin(attacker, victimEmail);
      const provider = await signedInTenant('Provider');
      providerId = provider.tenant.accountId;

      // Act: once the old session is refused, the takeover's second has come: keep signing in.
      await inviteByMail(provider, victimEmail, ['profile', 'invoices']);
      await eventually(async () => {
        expect((await api('GET', '/me', { token: session })).status).toBe(401);
      });
      let stop = false;
      const gathered: string[] = [];
      const signInLoop = async () => {
        while (!stop) {
          attempts += 1;
          try {
            gathered.push(await accessTokenFor(victimEmail, KEPT_PASSWORD));
          } catch {
            // refused: the password has changed, or not yet our moment
          }
        }
      };
      const loops = Array.from({ length: 6 }, signInLoop);
      await waitForMail(victimEmail, INVITATION, 20_000);
      stop = true;
      await Promise.all(loops);
      for (const token of gathered) {
        if ((await api('GET', '/me', { token })).status === 200) survivor = token;
      }
    }
    // What the surviving session gains: the other account's invitation, before its owner.
    const accepted = survivor
      ? await eventually(async () => {
          const answer = await api('POST', `/me/invitations/${providerId}`, { token: survivor });
          expect(answer.status).not.toBe(409);
          return answer;
        })
      : undefined;

    // Assess: the sign-ins did race the takeover, and none of them survived it.
    expect(attempts).toBeGreaterThan(0);
    expect(accepted?.status).not.toBe(200);
    expect(survivor).toBeUndefined();
  }, 120_000);
});

describe('consent to link a login', () => {
  it('a declined invitation sent again is only an invitation: no password, no access, no resume', async () => {
    // Prepare: a stranger invites the victim's login, the victim declines.
    const victim = await signedInTenant('Decliner');
    const stranger = await signedInTenant('Insister');
    const contactId = await inviteByMail(stranger, victim.tenant.email, ['profile']);
    const path = subAccountPath(stranger.tenant.accountId, contactId);
    const declined = await api('DELETE', `/me/invitations/${stranger.tenant.accountId}`, {
      token: victim.token,
    });

    // Act: the stranger invites again, this time choosing a password, and tries to resume.
    const again = await api('PUT', path, {
      token: stranger.token,
      body: { preset: 'full', password: GRANTER_PASSWORD },
    });
    const resumed = await api('PATCH', path, {
      token: stranger.token,
      body: { status: 'active' },
    });
    const opened = await api('GET', `/accounts/${stranger.tenant.accountId}`, {
      token: victim.token,
    });
    const me = await api('GET', '/me', { token: await accessTokenFor(victim.tenant.email) });

    // Assess
    expect(declined.status).toBe(204);
    expect(again.status).toBe(200);
    expect(again.body.subAccount).toMatchObject({ status: 'invited' });
    expect(resumed.status).toBe(409);
    expect(opened.status).toBe(404);
    expect(await signInOutcome(victim.tenant.email, GRANTER_PASSWORD)).not.toBe('signed-in');
    expect(accountIdsOf(me.body.accounts)).toEqual([victim.tenant.accountId]);
    expect(accountIdsOf(me.body.invitations)).toEqual([stranger.tenant.accountId]);
  }, 30_000);

  it('withdrawing an invitation while it is being accepted leaves contact and membership agreeing', async () => {
    const person = await signedInTenant('Racer');
    const outcomes: string[] = [];
    for (let round = 0; round < 3; round++) {
      // Prepare: a fresh account invites the person (one membership per account and login).
      const granter = await signedInTenant('Withdrawer');
      const contactId = await inviteByMail(granter, person.tenant.email, ['profile']);
      const path = subAccountPath(granter.tenant.accountId, contactId);

      // Act: the granter withdraws while the person accepts.
      const [withdrawn, accepted] = await Promise.all([
        api('DELETE', path, { token: granter.token }),
        api('POST', `/me/invitations/${granter.tenant.accountId}`, { token: person.token }),
      ]);
      const contact = await api('GET', contactPath(granter.tenant.accountId, contactId), {
        token: granter.token,
      });
      const me = await api('GET', '/me', { token: person.token });
      const opened = await api('GET', `/accounts/${granter.tenant.accountId}`, {
        token: person.token,
      });

      // Assess: whichever won, both sides tell the same story.
      const status = (contact.body.subAccount as { status?: string } | null)?.status ?? 'none';
      outcomes.push(`${withdrawn.status}/${accepted.status}/${status}`);
      expect([withdrawn.status, accepted.status].every((code) => code < 500)).toBe(true);
      expect(accountIdsOf(me.body.accounts).includes(granter.tenant.accountId)).toBe(
        status === 'active'
      );
      expect(accountIdsOf(me.body.invitations).includes(granter.tenant.accountId)).toBe(
        status === 'invited'
      );
      expect(opened.status).toBe(status === 'active' ? 200 : 404);
      // A withdrawal that won leaves nothing; one that lost changed nothing.
      if (withdrawn.status === 204) expect(status).toBe('none');
      else expect(accepted.status === 200 ? 'active' : 'invited').toBe(status);
    }
    expect(outcomes).toHaveLength(3);
  }, 40_000);

  it('deleting and re-creating a contact does not bring its login back without a new consent', async () => {
    // Prepare: the person joined the account through its contact.
    const person = await signedInTenant('Returner');
    const account = await signedInTenant('Recreator');
    const first = await inviteByMail(account, person.tenant.email, ['profile']);
    await api('POST', `/me/invitations/${account.tenant.accountId}`, { token: person.token });
    const before = await api('GET', `/accounts/${account.tenant.accountId}`, {
      token: person.token,
    });

    // Act: the account deletes the contact, then re-creates it and asks for more.
    const deleted = await api('DELETE', contactPath(account.tenant.accountId, first), {
      token: account.token,
    });
    const afterDelete = await api('GET', `/accounts/${account.tenant.accountId}`, {
      token: person.token,
    });
    const acceptOld = await api('POST', `/me/invitations/${account.tenant.accountId}`, {
      token: person.token,
    });
    const second = await inviteByMail(account, person.tenant.email, ['profile', 'invoices']);
    const afterRecreate = await api('GET', `/accounts/${account.tenant.accountId}/invoices`, {
      token: person.token,
    });
    const me = await api('GET', '/me', { token: person.token });

    // Assess
    expect(before.status).toBe(200);
    expect(deleted.status).toBe(204);
    expect(afterDelete.status).toBe(404);
    expect(acceptOld.status).toBe(404);
    expect(second).not.toBe(first);
    expect(afterRecreate.status).toBe(404);
    expect(accountIdsOf(me.body.accounts)).toEqual([person.tenant.accountId]);
    expect(accountIdsOf(me.body.invitations)).toEqual([account.tenant.accountId]);
  }, 30_000);

  it('an account request for an address that is a contact of two accounts only invites, and answers as for a miss', async () => {
    // Prepare: the person is active in one account and a plain contact of another.
    const person = await signedInTenant('Twofold');
    const joined = await signedInTenant('Joined');
    await inviteByMail(joined, person.tenant.email, ['profile']);
    await api('POST', `/me/invitations/${joined.tenant.accountId}`, { token: person.token });
    const other = await createTenant('Unjoined');
    await addContact(other, person.tenant.email);

    // Act: a stranger files requests naming the address.
    const request = (contractNumber: string) =>
      api('POST', '/account-requests', {
        body: { contractNumber, email: person.tenant.email },
      });
    const answers: ApiResponse[] = [];
    for (const contract of [joined.tenant.contractNumber, other.contractNumber, 'NO-SUCH-9'])
      answers.push(await request(contract));
    // The outbox runs the requests after the answers: the invitation follows.
    const token = await accessTokenFor(person.tenant.email);
    const me = await eventually(async () => {
      const answer = await api('GET', '/me', { token });
      expect(answer.body.invitations).toHaveLength(1);
      return answer;
    });
    const notices = await eventually(async () => {
      const mails = (await mailTo(person.tenant.email)).filter(
        (mail) => mail.subject === EXISTING_LOGIN_INVITATION
      );
      // The joined account's invitation, then the account request's.
      expect(mails).toHaveLength(2);
      return mails;
    });

    // Assess: the same answer each time; the password untouched; one invitation, no role raised.
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    for (const notice of notices) expect(notice.body.text).not.toContain('temporary password');
    expect((await mailTo(person.tenant.email)).map((mail) => mail.subject)).not.toContain(
      INVITATION
    );
    expect(me.status).toBe(200);
    expect(me.body.accounts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ accountId: person.tenant.accountId, role: 'primary' }),
        expect.objectContaining({ accountId: joined.tenant.accountId, role: 'sub-account' }),
      ])
    );
    expect(me.body.invitations).toEqual([
      expect.objectContaining({ accountId: other.accountId, role: 'sub-account', permissions: [] }),
    ]);
  }, 30_000);
});

describe('whether an address has a login', () => {
  it('the activation answer, contact and audit entry look the same for a new address, a proven login and another account’s unproven one', async () => {
    // Prepare: three kinds of address.
    const prober = await signedInTenant('Prober');
    const proven = await createTenant('Known');
    const elsewhere = await signedInTenant('Elsewhere');
    const unprovenEmail = `unproven-${unique()}@probe.example`;
    const { contactId: elsewhereContact } = await addContact(elsewhere.tenant, unprovenEmail);
    await api('PUT', subAccountPath(elsewhere.tenant.accountId, elsewhereContact), {
      token: elsewhere.token,
      body: { permissions: [], password: GRANTER_PASSWORD },
    });
    const addresses = [proven.email, unprovenEmail, `nobody-${unique()}@probe.example`];

    // Act: the prober invites each address, with a password it chose and by mail.
    const seen: unknown[] = [];
    for (const email of addresses) {
      for (const body of [{ password: 'Probe-Password-1!' }, { invite: true }]) {
        const { contactId } = await addContact(prober.tenant, email);
        const put = await api('PUT', subAccountPath(prober.tenant.accountId, contactId), {
          token: prober.token,
          body: { permissions: ['profile'], ...body },
        });
        const shown = await api('GET', contactPath(prober.tenant.accountId, contactId), {
          token: prober.token,
        });
        const audit = await api('GET', `/accounts/${prober.tenant.accountId}/audit?limit=1`, {
          token: prober.token,
        });
        const [entry] = audit.body.items as { action: string; changes: object }[];
        const { id: _id, email: _email, ...answer } = put.body;
        const { id: _shownId, email: _shownEmail, ...contact } = shown.body;
        seen.push({
          status: put.status,
          etag: put.headers.get('etag'),
          answer,
          contact,
          audit: [entry?.action, Object.keys(entry?.changes ?? {}).sort()],
        });
        await api('DELETE', contactPath(prober.tenant.accountId, contactId), {
          token: prober.token,
        });
      }
    }

    // Assess
    expect(seen).toHaveLength(6);
    for (const each of seen) expect(each).toEqual(seen[0]);
    expect(seen[0]).toMatchObject({
      status: 200,
      answer: { subAccount: { status: 'invited', permissions: ['profile'] } },
    });
  }, 60_000);

  // HOLE: with a password the granter chose, Portico's answer is the same, but Cognito's is
  // not: for a new address the chosen password signs in (NEW_PASSWORD_REQUIRED), for an
  // address that already has a login it is refused. Any customer with `contacts` learns
  // whether any address has a Portico login: add a contact, PUT .../sub-account with a
  // password, try to sign in, DELETE the contact (functions/core/workflows/login-activation.ts keeps the
  // existing login's password, as it must). Fix: the granter cannot be allowed to choose the
  // password of an address that may already have a login; drop `password` (always
  // `invite: true`), or give a granter-chosen login its own sign-in name that is not the
  // address, so an existing login is never involved.
  // KNOWN RESIDUAL, documented in docs/sub-accounts.md ("What a granter can still learn"):
  // the seeds ask for "set a password and share it", and Cognito knows one login per
  // address, so this stays open until that option goes or granter-chosen logins get a
  // sign-in name of their own. `it.fails` keeps the hole visible: it turns red once closed.
  it.fails('a password the granter chose does not tell, at sign-in, whether the address already had a login', async () => {
    // Prepare
    const prober = await signedInTenant('Signinprober');
    const known = await createTenant('Known');
    const fresh = `nobody-${unique()}@probe.example`;

    // Act
    const outcomes: string[] = [];
    for (const email of [known.email, fresh]) {
      const { contactId } = await addContact(prober.tenant, email);
      const put = await api('PUT', subAccountPath(prober.tenant.accountId, contactId), {
        token: prober.token,
        body: { permissions: [], password: 'Probe-Password-1!' },
      });
      expect(put.status).toBe(200);
      outcomes.push(await signInOutcome(email, 'Probe-Password-1!'));
    }

    // Assess
    expect(outcomes[0]).toBe(outcomes[1]);
  });

  // HOLE: invitation mail is counted (5 an hour per address) only when a mail task is
  // written (functions/core/workflows/login-activation.ts `followUpMail` / `invitationLimits`). A password
  // the granter chose for a NEW address sends nothing and counts nothing; for an address
  // that already has a login it sends the "existing login" mail and counts. So the sixth
  // PUT/DELETE round answers 429 for a known address and 200 for an unknown one: Portico's
  // own status code tells whether the address has a login (and the known address receives
  // five mails). Fix: take the rate token on every activation whatever happens next (or
  // key it on the contact, not on whether mail goes out), so both cases count alike.
  it('the invitation rate limit answers alike for an address with a login and one without', async () => {
    // Prepare
    const prober = await signedInTenant('Limitprober');
    const known = await createTenant('Limitknown');
    const fresh = `nobody-${unique()}@probe.example`;
    // Rate counters are per clock hour: a test that fills one must not straddle its turn.
    inFreshWindow(3600);

    // Act: six rounds of "activate with a chosen password, then withdraw" on each address.
    const sequences: number[][] = [];
    for (const email of [known.email, fresh]) {
      const { contactId } = await addContact(prober.tenant, email);
      const path = subAccountPath(prober.tenant.accountId, contactId);
      const statuses: number[] = [];
      for (let round = 0; round < 6; round++) {
        const put = await api('PUT', path, {
          token: prober.token,
          body: { permissions: [], password: 'Probe-Password-1!' },
        });
        statuses.push(put.status);
        if (put.status === 200) await api('DELETE', path, { token: prober.token });
      }
      sequences.push(statuses);
    }

    // Assess
    expect(sequences[0]).toEqual(sequences[1]);
  }, 60_000);

  // HOLE: after a login's owner confirms a new email, functions/outbox/login-email-follow.ts
  // moves the contact of the login in EVERY account it has a membership in, `invited` ones
  // included. An account that merely invited an address (no consent) learns the person's
  // next address, and the one after, each time they change it (the audit entry
  // `contact.email.followed-login` also shows the login's global name). A stranger that
  // knows one address can track a person this way. Fix: follow only memberships the login
  // has accepted (`status !== 'invited'`); withdraw pending invitations instead (or keep
  // the old address on them and let /me show the invitation as before).
  it('an account the person never joined does not learn their new email', async () => {
    // Prepare: a stranger invites the victim's address; the victim ignores the invitation.
    const victim = await signedInTenant('Mover');
    const stalker = await signedInTenant('Stalker');
    const contactId = await inviteByMail(stalker, victim.tenant.email, []);
    const newEmail = `moved-${unique()}@private.example`;
    const ownPath = `/accounts/${victim.tenant.accountId}`;

    // Act: the victim changes the login email in My Details.
    await api('PATCH', ownPath, { token: victim.token, body: { email: newEmail } });
    const mail = await waitForMail(newEmail, CODE_MAIL);
    const confirmed = await api('POST', `${ownPath}/email-verification`, {
      token: victim.token,
      body: { code: codeIn(mail.body.text) },
    });
    await eventually(() => accessTokenFor(newEmail));
    // The follow-up runs in the outbox right after the Cognito update: give it time.
    const emails = new Set<unknown>();
    for (let look = 0; look < 10; look++) {
      const shown = await api('GET', contactPath(stalker.tenant.accountId, contactId), {
        token: stalker.token,
      });
      emails.add(shown.body.email);
      await sleep(300);
    }

    // Assess
    expect(confirmed.status).toBe(200);
    expect([...emails]).toEqual([victim.tenant.email]);
  }, 40_000);
});

describe('login email changes', () => {
  it('an account the primary’s login is a sub-account of cannot re-address it, and loses all say once detached', async () => {
    // Prepare: the holder of one account is a sub-account of an agency.
    const holder = await signedInTenant('Holder');
    const agency = await signedInTenant('Agency');
    const contactId = await inviteByMail(agency, holder.tenant.email, ['profile']);
    await api('POST', `/me/invitations/${agency.tenant.accountId}`, { token: holder.token });
    const agencyContact = contactPath(agency.tenant.accountId, contactId);

    // Act: the agency tries the login's email and name, detaches it, re-addresses the contact;
    // then the holder changes its own email in My Details.
    const readdressed = await api('PATCH', agencyContact, {
      token: agency.token,
      body: { email: `grab-${unique()}@agency.example` },
    });
    const confirmedByAgency = await api('POST', `${agencyContact}/email-verification`, {
      token: agency.token,
      body: { code: '000000' },
    });
    const renamed = await api('PATCH', agencyContact, {
      token: agency.token,
      body: { firstName: 'Mallory' },
    });
    await api('DELETE', subAccountPath(agency.tenant.accountId, contactId), {
      token: agency.token,
    });
    const detachedEmail = `detached-${unique()}@agency.example`;
    const afterDetach = await api('PATCH', agencyContact, {
      token: agency.token,
      body: { email: detachedEmail },
    });
    const newEmail = `holder-new-${unique()}@holder.example`;
    const ownPath = `/accounts/${holder.tenant.accountId}`;
    await api('PATCH', ownPath, { token: holder.token, body: { email: newEmail } });
    const code = codeIn((await waitForMail(newEmail, CODE_MAIL)).body.text);
    const confirmed = await api('POST', `${ownPath}/email-verification`, {
      token: holder.token,
      body: { code },
    });
    const holderToken = await eventually(() => accessTokenFor(newEmail));
    await sleep(1000);
    const me = await api('GET', '/me', { token: holderToken });
    const agencyView = await api('GET', agencyContact, { token: agency.token });

    // Assess
    expect(readdressed.status).toBe(409);
    // No contact-level confirmation exists any more: a login confirms its own change under /me.
    expect(confirmedByAgency.status).toBe(404);
    expect(renamed.status).toBe(200);
    expect(afterDetach.status).toBe(200);
    expect(confirmed.status).toBe(200);
    expect(me.body).toMatchObject({ email: newEmail });
    expect(me.body.name).not.toContain('Mallory');
    expect(accountIdsOf(me.body.accounts)).toEqual([holder.tenant.accountId]);
    expect(agencyView.body.email).toBe(detachedEmail);
  }, 40_000);

  // Was a hole: a pending email change lived on the CONTACT and survived a detach, so a
  // victim who later joined the contact could be talked into confirming the attacker's
  // change. Now a sub-account's login email changes only under /me (pending on the login
  // profile, bound to the login that started it), a contact-level change drops with its
  // login, and a contact-level change by a sub-account is refused.
  it('a pending email change started before a detach cannot move the login that joins the contact afterwards', async () => {
    // Prepare: the attacker's own second login starts an email change to the attacker's drop box.
    const attacker = await signedInTenant('Detacher');
    const own = await addSubAccountLogin(attacker.tenant, ['contacts', 'profile']);
    const ownToken = await accessTokenFor(own.email);
    const path = contactPath(attacker.tenant.accountId, own.contactId);
    const drop = `drop-${unique()}@attacker.example`;
    const onContact = await api('PATCH', path, { token: ownToken, body: { email: drop } });
    await api('POST', '/me/email-change', { token: ownToken, body: { email: drop } });
    const code = codeIn((await waitForMail(drop, CODE_MAIL)).body.text);
    // Detach, re-address to the victim, invite; the victim accepts.
    const victim = await signedInTenant('Joiner');
    await api('DELETE', subAccountPath(attacker.tenant.accountId, own.contactId), {
      token: attacker.token,
    });
    await api('PATCH', path, { token: attacker.token, body: { email: victim.tenant.email } });
    await api('PUT', subAccountPath(attacker.tenant.accountId, own.contactId), {
      token: attacker.token,
      body: { permissions: ['contacts', 'profile'], invite: true },
    });
    await api('POST', `/me/invitations/${attacker.tenant.accountId}`, { token: victim.token });

    // Act: the victim enters the attacker's code, on its own login.
    const victimView = await api('GET', path, { token: victim.token });
    const byVictim = await api('POST', '/me/email-verification', {
      token: victim.token,
      body: { code },
    });
    const me = await api('GET', '/me', { token: victim.token });

    // Assess
    expect(onContact.status).toBe(409);
    expect(byVictim.status).toBe(409);
    expect(me.body.email).toBe(victim.tenant.email);
    expect(victimView.body.pendingEmail).toBeUndefined();
  }, 40_000);

  // Was a hole (race, wide): the granter's session of an unproven login could move the
  // login's address to its own mailbox in the gap before the invitation task took the login
  // back, carrying the primary invitation with it. Now an unproven login cannot move its
  // address through any door, sees and answers only the invitations of the account that
  // created it, and the invitation task mails only the login's own address.
  it('a stranger cannot take the primary invitation of a loaded account through an account request', async () => {
    // Prepare: an operator-loaded account whose holder has no login yet, and the stranger's
    // foothold: a login for the holder's address, in the stranger's own account.
    const load = accountLoad();
    const holderEmail = load.primaryContact.email;
    const loaded = await staffCall(gateway.url, 'POST', '/staff/accounts', load);
    const loadedId = loaded.body.id as string;
    const attacker = await signedInTenant('Squatter');
    const { contactId, session } = await pretakenLogin(attacker, holderEmail, ['contacts']);
    const loginId = subOfToken(session);
    const drop = `drop-${unique()}@attacker.example`;

    // Act: both doors to move the address, then the account request and a watch on /me.
    const onContact = await api('PATCH', contactPath(attacker.tenant.accountId, contactId), {
      token: session,
      body: { email: drop },
    });
    const onProfile = await api('POST', '/me/email-change', {
      token: session,
      body: { email: drop },
    });
    const requested = api('POST', '/account-requests', {
      body: { contractNumber: load.contractNumbers[0], email: holderEmail },
    });
    const seen: string[] = [];
    for (let poll = 0; poll < 100; poll++) {
      const me = await api('GET', '/me', { token: session });
      if (me.status !== 200) break;
      seen.push(...accountIdsOf(me.body.invitations));
      const declined = await api('DELETE', `/me/invitations/${loadedId}`, { token: session });
      if (declined.status === 204) seen.push('declined');
    }
    await requested;
    await waitForMail(holderEmail, INVITATION, 20_000);
    const account = await readItem(accountKeys(loadedId));
    const holderContact = await readItem(
      contactKeys({ accountId: loadedId, contactId: String(account?.primaryContactId) })
    );
    const login = await readItem(loginKeys(loginId));

    // Assess
    expect(onContact.status).toBe(409);
    expect(onProfile.status).toBe(409);
    expect(seen).not.toContain(loadedId);
    expect(seen).not.toContain('declined');
    expect(holderContact?.email).toBe(holderEmail);
    expect(login?.email).toBe(holderEmail);
    expect((await api('GET', '/me', { token: session })).status).toBe(401);
  }, 120_000);
});

describe('bad input never gets a 5xx', () => {
  it('identity routes answer odd ids and bodies with 4xx', async () => {
    // Prepare
    const { tenant, token } = await signedInTenant('Oddinput');
    const { contactId } = await addContact(tenant);
    const path = subAccountPath(tenant.accountId, contactId);
    const contact = contactPath(tenant.accountId, contactId);

    // Act
    const answers = await Promise.all([
      api('POST', `/me/invitations/${'a'.repeat(300)}`, { token }),
      api('POST', '/me/invitations/%F0%9F%92%A9%00', { token }),
      api('DELETE', `/me/invitations/${randomUUID()}`, { token }),
      api('POST', `/me/invitations/${tenant.accountId}`, { token }),
      api('PUT', path, { token, body: { permissions: ['root'], password: 'x' } }),
      api('PUT', path, {
        token,
        body: { permissions: [], password: 'Aa1!xxxxxxxx', invite: true },
      }),
      api('PUT', path, { token, body: { preset: 'full', permissions: [], invite: true } }),
      api('PUT', path, {
        token,
        rawBody: '{"permissions":',
        headers: { 'content-type': 'application/json' },
      }),
      api('PATCH', path, { token, body: { status: 'invited' } }),
      api('POST', `${contact}/email-verification`, { token, body: { code: '1'.repeat(10_000) } }),
      api('POST', `/accounts/${tenant.accountId}/email-verification`, { token, body: {} }),
      api('POST', '/account-requests', {
        body: { contractNumber: 'x'.repeat(41), email: `${'a'.repeat(250)}@x.example` },
      }),
      api('POST', '/account-requests', { body: { contractNumber: 'T-1', email: 'a@b', extra: 1 } }),
    ]);

    // Assess
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.every((status) => status >= 400)).toBe(true);
  }, 30_000);
});
