/** Changing the login email in My Details: the mailed code, confirmation, conflicts, cancelling. */
import { describe, expect, it, onTestFinished } from 'vitest';
import { resetClock, runClockFrom } from '#core/platform/clock';
import { EMAIL_CHANGE } from '#core/rules/email-change';
import { useGateway } from '../support/gateway.ts';
import { eventually, waitForMail } from '../support/mailbox.ts';
import { accessTokenFor, createTenant, TEST_PASSWORD } from '../support/tenants.ts';

const { api } = useGateway();

describe('changing the login email in My Details', () => {
  it('waits for the code mailed to the new address, then moves the login', async () => {
    // Prepare
    const tenant = await createTenant('Initech');
    const token = await accessTokenFor(tenant.email);
    const newEmail = `new-${tenant.loginId.slice(0, 8)}@initech.example`;

    // Act: ask for the change
    const requested = await api('PATCH', `/accounts/${tenant.accountId}`, {
      token,
      body: { email: newEmail },
    });

    // Assess: nothing moved yet; both addresses were told
    expect(requested.status).toBe(200);
    expect(requested.body.primaryContact).toMatchObject({
      email: tenant.email,
      pendingEmail: newEmail,
    });
    const codeMail = await waitForMail(newEmail, 'Confirm your new login email');
    await waitForMail(tenant.email, 'Your login email is about to change');
    const code = /code is (\d{6})/.exec(codeMail.body.text ?? '')?.[1] ?? '';

    // Act: a wrong code, then the right one
    const wrong = await api('POST', `/accounts/${tenant.accountId}/email-verification`, {
      token,
      body: { code: code === '000000' ? '111111' : '000000' },
    });
    const confirmed = await api('POST', `/accounts/${tenant.accountId}/email-verification`, {
      token,
      body: { code },
    });

    // Assess
    expect(wrong.status).toBe(400);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.primaryContact).toMatchObject({ email: newEmail });
    expect(confirmed.body.primaryContact).not.toHaveProperty('pendingEmail');
    await waitForMail(tenant.email, 'Your login email has changed');
    await expect(eventually(() => accessTokenFor(newEmail, TEST_PASSWORD))).resolves.toBeTruthy();
    await expect(accessTokenFor(tenant.email, TEST_PASSWORD)).rejects.toThrow();
    const me = await api('GET', '/me', { token });
    expect(me.body.email).toBe(newEmail);
  });
});

describe('a login email code past its lifetime', () => {
  it('is refused, even when right, and the login keeps its email', async () => {
    // Prepare
    const tenant = await createTenant('Latecomer');
    const token = await accessTokenFor(tenant.email);
    const newEmail = `late-${tenant.loginId.slice(0, 8)}@latecomer.example`;
    await api('PATCH', `/accounts/${tenant.accountId}`, { token, body: { email: newEmail } });
    const codeMail = await waitForMail(newEmail, 'Confirm your new login email');
    const code = /code is (\d{6})/.exec(codeMail.body.text ?? '')?.[1] ?? '';
    runClockFrom(new Date(Date.now() + (EMAIL_CHANGE.validMinutes + 1) * 60_000));
    onTestFinished(resetClock);

    // Act
    const late = await api('POST', `/accounts/${tenant.accountId}/email-verification`, {
      token,
      body: { code },
    });

    // Assess
    expect(late.status).toBe(400);
    expect(late.body.errors).toEqual([
      expect.objectContaining({ field: 'code', message: expect.stringMatching(/expired/) }),
    ]);
    const details = await api('GET', `/accounts/${tenant.accountId}`, { token });
    expect(details.body.primaryContact).toMatchObject({ email: tenant.email });
  });
});

describe('changing the login email to an address another login holds', () => {
  it('refuses the confirmation with 409 and leaves both logins as they were', async () => {
    // Prepare
    const [tenant, holder] = await Promise.all([createTenant('Hooli'), createTenant('Pied')]);
    const token = await accessTokenFor(tenant.email);
    await api('PATCH', `/accounts/${tenant.accountId}`, { token, body: { email: holder.email } });
    const codeMail = await waitForMail(holder.email, 'Confirm your new login email');
    const code = /code is (\d{6})/.exec(codeMail.body.text ?? '')?.[1] ?? '';

    // Act
    const confirmed = await api('POST', `/accounts/${tenant.accountId}/email-verification`, {
      token,
      body: { code },
    });

    // Assess
    expect(confirmed.status).toBe(409);
    const after = await api('GET', `/accounts/${tenant.accountId}`, { token });
    expect(after.body.primaryContact).toMatchObject({
      email: tenant.email,
      pendingEmail: holder.email,
    });
    await expect(accessTokenFor(tenant.email)).resolves.toBeTruthy();
    await expect(accessTokenFor(holder.email)).resolves.toBeTruthy();
  });

  it('cancels a pending change when the current email is sent back', async () => {
    // Prepare
    const tenant = await createTenant('Umbrella');
    const token = await accessTokenFor(tenant.email);
    await api('PATCH', `/accounts/${tenant.accountId}`, {
      token,
      body: { email: 'later@umbrella.example' },
    });

    // Act
    const cancelled = await api('PATCH', `/accounts/${tenant.accountId}`, {
      token,
      body: { email: tenant.email },
    });
    const confirm = await api('POST', `/accounts/${tenant.accountId}/email-verification`, {
      token,
      body: { code: '123456' },
    });

    // Assess
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.primaryContact).not.toHaveProperty('pendingEmail');
    expect(confirm.status).toBe(409);
  });
});
