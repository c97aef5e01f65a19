/**
 * A login belongs to whoever controls its mailbox. Each test is one way an
 * account (another customer, or a lesser sub-account of the same one) tried
 * to take a login over; none may work.
 */
import { describe, expect, it } from 'vitest';
import { inFreshWindow } from '../support/clock.ts';
import { useGateway } from '../support/gateway.ts';
import { accountLoad } from '../support/loads.ts';
import { eventually, mailTo, waitForMail } from '../support/mailbox.ts';
import { staffCall } from '../support/staff-calls.ts';
import {
  accessTokenFor,
  addContact,
  addInvitation,
  addSubAccountLogin,
  createTenant,
  firstSignIn,
  signedInTenant,
  temporaryPasswordIn,
} from '../support/tenants.ts';

const gateway = useGateway();
const { api } = gateway;

const subAccountPath = (accountId: string, contactId: string) =>
  `/accounts/${accountId}/contacts/${contactId}/sub-account`;

describe('another account cannot take a login over', () => {
  it('links, renames or re-addresses another customer’s login: nothing reaches the login', async () => {
    // Prepare
    const victim = await signedInTenant('Victim');
    const attacker = await signedInTenant('Attacker');
    const { contactId } = await addContact(attacker.tenant, victim.tenant.email);
    const contactPath = `/accounts/${attacker.tenant.accountId}/contacts/${contactId}`;

    // Act
    const linked = await api('PUT', subAccountPath(attacker.tenant.accountId, contactId), {
      token: attacker.token,
      body: { permissions: [], password: 'Chosen-By-Attacker-1!' },
    });
    const readdressed = await api('PATCH', contactPath, {
      token: attacker.token,
      body: { email: 'inbox@attacker.example' },
    });
    const confirmed = await api('POST', `${contactPath}/email-verification`, {
      token: attacker.token,
      body: { code: '000000' },
    });
    const renamed = await api('PATCH', contactPath, {
      token: attacker.token,
      body: { firstName: 'Mallory' },
    });
    const victimMe = await api('GET', '/me', { token: await accessTokenFor(victim.tenant.email) });

    // Assess
    expect(linked.status).toBe(200);
    expect(linked.body.subAccount).toEqual({ status: 'invited', permissions: [] });
    expect(readdressed.status).toBe(409);
    // There is no contact-level confirmation: a login confirms its own change under /me.
    expect(confirmed.status).toBe(404);
    expect(renamed.status).toBe(200);
    expect(await mailTo('inbox@attacker.example')).toEqual([]);
    await expect(accessTokenFor('inbox@attacker.example')).rejects.toThrow();
    await expect(accessTokenFor(victim.tenant.email, 'Chosen-By-Attacker-1!')).rejects.toThrow();
    expect(victimMe.body.email).toBe(victim.tenant.email);
    expect(victimMe.body.name).not.toContain('Mallory');
    expect((victimMe.body.accounts as { accountId: string }[]).map((a) => a.accountId)).toEqual([
      victim.tenant.accountId,
    ]);
    expect(victimMe.body.invitations).toEqual([
      expect.objectContaining({ accountId: attacker.tenant.accountId }),
    ]);
  });

  it('lets an account change the email of a contact only once no login hangs on it', async () => {
    // Prepare
    const { tenant, token } = await signedInTenant('Detacher');
    const sub = await addSubAccountLogin(tenant, ['invoices']);
    const contactPath = `/accounts/${tenant.accountId}/contacts/${sub.contactId}`;

    // Act
    const refused = await api('PATCH', contactPath, {
      token,
      body: { email: 'elsewhere@detacher.example' },
    });
    await api('DELETE', subAccountPath(tenant.accountId, sub.contactId), { token });
    const afterDetach = await api('PATCH', contactPath, {
      token,
      body: { email: 'elsewhere@detacher.example' },
    });

    // Assess
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('remove the login');
    expect(afterDetach.status).toBe(200);
    expect(afterDetach.body.email).toBe('elsewhere@detacher.example');
    // The person keeps their login and its address.
    await expect(accessTokenFor(sub.email)).resolves.toBeTruthy();
  });
});

describe('a lesser sub-account cannot take a stronger login over', () => {
  it('cannot re-address the contact of a login with invoices', async () => {
    // Prepare
    const { tenant } = await signedInTenant('Samechain');
    const stronger = await addSubAccountLogin(tenant, ['invoices']);
    const lesser = await addSubAccountLogin(tenant, ['contacts']);
    const lesserToken = await accessTokenFor(lesser.email);
    const contactPath = `/accounts/${tenant.accountId}/contacts/${stronger.contactId}`;

    // Act
    const readdressed = await api('PATCH', contactPath, {
      token: lesserToken,
      body: { email: 'grab@samechain.example' },
    });
    const confirmed = await api('POST', `${contactPath}/email-verification`, {
      token: lesserToken,
      body: { code: '000000' },
    });

    // Assess
    expect(readdressed.status).toBe(409);
    expect(confirmed.status).toBe(404);
    expect(await mailTo('grab@samechain.example')).toEqual([]);
    await expect(accessTokenFor(stronger.email)).resolves.toBeTruthy();
  });
});

describe('a login whose password a granter chose', () => {
  it('is taken back by its mailbox owner when an account request proves the address', async () => {
    // Prepare: the attacker pre-creates a login for the victim's address, with a password it knows.
    const victimEmail = `holder-${Date.now()}@victim.example`;
    const attacker = await signedInTenant('Precreator');
    const { contactId } = await addContact(attacker.tenant, victimEmail);
    await api('PUT', subAccountPath(attacker.tenant.accountId, contactId), {
      token: attacker.token,
      body: { permissions: [], password: 'Chosen-By-Attacker-1!' },
    });
    const attackerSession = await firstSignIn(
      victimEmail,
      'Chosen-By-Attacker-1!',
      'Kept-By-Attacker-2!'
    );
    await api('POST', `/me/invitations/${attacker.tenant.accountId}`, { token: attackerSession });
    await api('DELETE', `/accounts/${attacker.tenant.accountId}/contacts/${contactId}`, {
      token: attacker.token,
    });
    // Later the operators load the victim's company, and the victim asks for access.
    const load = accountLoad();
    load.primaryContact.email = victimEmail;
    const loaded = await staffCall(gateway.url, 'POST', '/staff/accounts', load);
    const accountId = loaded.body.id as string;

    // Act
    await api('POST', '/account-requests', {
      body: { contractNumber: load.contractNumbers[0], email: victimEmail },
    });
    const invitation = await waitForMail(victimEmail, 'Your login to a client area');
    const attackerAfter = await api('GET', '/me', { token: attackerSession });
    const attackerAccept = await api('POST', `/me/invitations/${accountId}`, {
      token: attackerSession,
    });
    const victimSession = await firstSignIn(
      victimEmail,
      temporaryPasswordIn(invitation.body.text),
      'Victims-Own-Pass-3!'
    );
    const victimAccept = await api('POST', `/me/invitations/${accountId}`, {
      token: victimSession,
    });
    const details = await api('GET', `/accounts/${accountId}`, { token: victimSession });

    // Assess
    expect(loaded.status).toBe(201);
    await expect(accessTokenFor(victimEmail, 'Kept-By-Attacker-2!')).rejects.toThrow();
    expect(attackerAfter.status).toBe(401);
    expect(attackerAccept.status).toBe(401);
    expect(victimAccept.status).toBe(200);
    expect(victimAccept.body).toMatchObject({ accountId, role: 'primary' });
    expect(details.status).toBe(200);
  }, 30_000);

  it('cannot join another account while only the granter knows its password', async () => {
    // Prepare
    const email = `confined-${Date.now()}@granted.example`;
    const granter = await signedInTenant('Confiner');
    const other = await createTenant('Elsewhere');
    const { contactId } = await addContact(granter.tenant, email);
    await api('PUT', subAccountPath(granter.tenant.accountId, contactId), {
      token: granter.token,
      body: { permissions: ['profile'], password: 'Chosen-By-Granter-1!' },
    });
    const grantedSession = await firstSignIn(email, 'Chosen-By-Granter-1!', 'Shared-Pass-2026!');
    const own = await api('POST', `/me/invitations/${granter.tenant.accountId}`, {
      token: grantedSession,
    });
    const otherToken = await accessTokenFor(other.email);
    const { contactId: otherContact } = await addContact(other, email);

    // Act: another account invites the same address; the mailbox owner gets a fresh password.
    await api('PUT', subAccountPath(other.accountId, otherContact), {
      token: otherToken,
      body: { permissions: ['profile'], invite: true },
    });
    const invitation = await waitForMail(email, 'Your login to a client area');
    const oldSession = await api('POST', `/me/invitations/${other.accountId}`, {
      token: grantedSession,
    });
    const ownerSession = await firstSignIn(
      email,
      temporaryPasswordIn(invitation.body.text),
      'Owners-Pass-2026!'
    );
    const accepted = await api('POST', `/me/invitations/${other.accountId}`, {
      token: ownerSession,
    });

    // Assess
    expect(own.status).toBe(200);
    expect(oldSession.status).toBe(401);
    await expect(accessTokenFor(email, 'Shared-Pass-2026!')).rejects.toThrow();
    expect(accepted.status).toBe(200);
    // The granter's old session is refused on the account that created the login too.
    expect(
      (await api('GET', `/accounts/${granter.tenant.accountId}`, { token: grantedSession })).status
    ).toBe(401);
  }, 30_000);
});

describe('email-change codes', () => {
  it('hold their five attempts under twenty concurrent guesses', async () => {
    // Prepare
    const { tenant, token } = await signedInTenant('Guesser');
    const newEmail = `guessed-${Date.now()}@guesser.example`;
    const path = `/accounts/${tenant.accountId}`;
    await api('PATCH', path, { token, body: { email: newEmail } });
    const mail = await waitForMail(newEmail, 'Confirm your new login email');
    const code = /code is (\d{6})/.exec(mail.body.text ?? '')?.[1] ?? '';
    const wrong = code === '000000' ? '111111' : '000000';

    // Act
    const guesses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api('POST', `${path}/email-verification`, { token, body: { code: wrong } })
      )
    );
    const right = await api('POST', `${path}/email-verification`, { token, body: { code } });

    // Assess
    const compared = guesses.filter((guess) => guess.text.includes('not correct'));
    expect(guesses.every((guess) => guess.status === 400 || guess.status === 409)).toBe(true);
    expect(compared.length).toBeLessThanOrEqual(5);
    expect(right.status).toBe(400);
  }, 30_000);

  it('are mailed at most five times an hour per contact', async () => {
    // Prepare
    const { tenant, token } = await signedInTenant('Codemailer');
    const path = `/accounts/${tenant.accountId}`;
    // The counters are per clock hour: the six changes must not straddle its turn.
    inFreshWindow(3600);

    // Act
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await api('PATCH', path, {
        token,
        body: { email: `code-${attempt}-${Date.now()}@codemailer.example` },
      });
      statuses.push(response.status);
    }

    // Assess
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
  });
});

describe('a login’s own email change', () => {
  it('moves the contact that stands for the login in each of its accounts', async () => {
    // Prepare
    const { tenant } = await signedInTenant('Homeaccount');
    const second = await signedInTenant('Secondaccount');
    const sub = await addSubAccountLogin(tenant, ['profile', 'contacts']);
    const subToken = await accessTokenFor(sub.email);
    const { contactId: secondContact } = await addInvitation(second.tenant, sub);
    await api('POST', `/me/invitations/${second.tenant.accountId}`, { token: subToken });
    const newEmail = `moved-${Date.now()}@home.example`;

    // Act
    await api('POST', '/me/email-change', { token: subToken, body: { email: newEmail } });
    const mail = await waitForMail(newEmail, 'Confirm your new login email');
    const code = /code is (\d{6})/.exec(mail.body.text ?? '')?.[1] ?? '';
    const confirmed = await api('POST', '/me/email-verification', {
      token: subToken,
      body: { code },
    });

    // Assess
    expect(confirmed.status).toBe(200);
    const followed = await eventually(async () => {
      const shown = await api(
        'GET',
        `/accounts/${second.tenant.accountId}/contacts/${secondContact}`,
        { token: second.token }
      );
      expect(shown.body.email).toBe(newEmail);
      return shown;
    });
    expect(followed.status).toBe(200);
  }, 30_000);
});

describe('invitation mail', () => {
  it('reaches one address at most five times an hour, however often it is withdrawn and sent', async () => {
    // Prepare
    const { tenant, token } = await signedInTenant('Spammer');
    const { contactId } = await addContact(tenant, `target-${Date.now()}@spammed.example`);
    const path = subAccountPath(tenant.accountId, contactId);
    // The counters are per clock hour: the six invitations must not straddle its turn.
    inFreshWindow(3600);

    // Act
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const invited = await api('PUT', path, {
        token,
        body: { permissions: [], invite: true },
      });
      statuses.push(invited.status);
      if (invited.status === 200) await api('DELETE', path, { token });
    }

    // Assess
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe('POST /me/email-change', () => {
  it('lets any login change its own email, even without the contacts area, and its contacts follow', async () => {
    // Prepare
    const { tenant, token } = await signedInTenant('Selfservice');
    const sub = await addSubAccountLogin(tenant, ['invoices']);
    const subToken = await accessTokenFor(sub.email);
    const newEmail = `self-${Date.now()}@selfservice.example`;

    // Act
    const started = await api('POST', '/me/email-change', {
      token: subToken,
      body: { email: newEmail },
    });
    const [codeMail, notice] = await Promise.all([
      waitForMail(newEmail, 'Confirm your new login email'),
      waitForMail(sub.email, 'Your login email is about to change'),
    ]);
    const code = /code is (\d{6})/.exec(codeMail.body.text ?? '')?.[1] ?? '';
    const wrong = await api('POST', '/me/email-verification', {
      token: subToken,
      body: { code: code === '000000' ? '111111' : '000000' },
    });
    const confirmed = await api('POST', '/me/email-verification', {
      token: subToken,
      body: { code },
    });

    // Assess
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ email: sub.email, pendingEmail: newEmail });
    expect(notice.body.text).not.toContain(newEmail);
    expect(wrong.status).toBe(400);
    expect(confirmed.status).toBe(200);
    await expect(eventually(() => accessTokenFor(newEmail))).resolves.toBeTruthy();
    await eventually(async () => {
      const contact = await api('GET', `/accounts/${tenant.accountId}/contacts/${sub.contactId}`, {
        token,
      });
      expect(contact.body.email).toBe(newEmail);
    });
    expect((await api('GET', '/me', { token: subToken })).body.email).toBe(newEmail);
  }, 30_000);

  it('holds five attempts under concurrent guesses', async () => {
    // Prepare
    const { token } = await signedInTenant('Selfguesser');
    const newEmail = `guess-${Date.now()}@selfguesser.example`;
    await api('POST', '/me/email-change', { token, body: { email: newEmail } });
    const mail = await waitForMail(newEmail, 'Confirm your new login email');
    const code = /code is (\d{6})/.exec(mail.body.text ?? '')?.[1] ?? '';
    const wrong = code === '000000' ? '111111' : '000000';

    // Act
    const guesses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api('POST', '/me/email-verification', { token, body: { code: wrong } })
      )
    );
    const right = await api('POST', '/me/email-verification', { token, body: { code } });

    // Assess
    expect(
      guesses.filter((guess) => guess.text.includes('not correct')).length
    ).toBeLessThanOrEqual(5);
    expect(right.status).toBe(400);
  }, 30_000);
});
