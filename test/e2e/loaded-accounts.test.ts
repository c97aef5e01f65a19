/**
 * An account the operators loaded has a primary contact without a login.
 * The holder asks for one with a contract number and their email (the
 * public account request); the login they get is the account holder's.
 */
import { describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { accountLoad } from '../support/loads.ts';
import { mailTo, waitForMail } from '../support/mailbox.ts';
import { staffCall } from '../support/staff-calls.ts';
import { firstSignIn, temporaryPasswordIn } from '../support/tenants.ts';

const gateway = useGateway();

describe('the holder of a loaded account asks for a login', () => {
  it('gets the primary login once it accepts: every area, My Details, no sub-account, no notice to itself', async () => {
    // Prepare
    const load = accountLoad();
    const loaded = await staffCall(gateway.url, 'POST', '/staff/accounts', load);
    const accountId = loaded.body.id as string;
    const email = load.primaryContact.email;

    // Act
    const requested = await gateway.api('POST', '/account-requests', {
      body: { contractNumber: load.contractNumbers[0], email },
    });
    const invitation = await waitForMail(email, 'Your login to a client area');
    const token = await firstSignIn(
      email,
      temporaryPasswordIn(invitation.body.text),
      'Holder-Pass-2026!'
    );
    const accepted = await gateway.api('POST', `/me/invitations/${accountId}`, { token });
    const [me, account, myDetails] = await Promise.all([
      gateway.api('GET', '/me', { token }),
      gateway.api('GET', `/accounts/${accountId}`, { token }),
      gateway.api('PATCH', `/accounts/${accountId}`, {
        token,
        body: { phone: '+4930901821' },
      }),
    ]);

    // Assess
    expect([loaded.status, requested.status, accepted.status]).toEqual([201, 202, 200]);
    expect(me.body.accounts).toEqual([
      expect.objectContaining({
        accountId,
        role: 'primary',
        permissions: expect.arrayContaining(['invoices', 'contacts']),
      }),
    ]);
    expect(account.status, account.text).toBe(200);
    expect(account.body.primaryContact).toMatchObject({ isPrimary: true, subAccount: null });
    expect(myDetails.status, myDetails.text).toBe(200);
    expect((await mailTo(email)).map((mail) => mail.subject)).not.toContain(
      expect.stringContaining('asked for a login')
    );
  });

  it('sends nothing more once the holder has a login', async () => {
    // Prepare
    const load = accountLoad();
    await staffCall(gateway.url, 'POST', '/staff/accounts', load);
    const email = load.primaryContact.email;
    const ask = () =>
      gateway.api('POST', '/account-requests', {
        body: { contractNumber: load.contractNumbers[0], email },
      });
    await ask();
    await waitForMail(email, 'Your login to a client area');

    // Act
    const again = await ask();
    await new Promise((resolve) => setTimeout(resolve, 500));

    // Assess
    expect(again.status).toBe(202);
    expect(await mailTo(email)).toHaveLength(1);
  });
});
