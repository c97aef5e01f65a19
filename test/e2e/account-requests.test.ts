import { beforeAll, describe, expect, it } from 'vitest';
import { inFreshWindow } from '../support/clock.ts';
import { useGateway } from '../support/gateway.ts';
import { eventually, mailTo, waitForMail } from '../support/mailbox.ts';
import { accessTokenFor, addContact, createTenant, type Tenant } from '../support/tenants.ts';

const gateway = useGateway();
let tenant: Tenant;

const request = (body: unknown) => gateway.api('POST', '/account-requests', { body });

beforeAll(async () => {
  tenant = await createTenant('Requests');
});

describe('POST /account-requests', () => {
  it('invites a contact without login and tells the primary, with the same answer as a miss', async () => {
    // Prepare
    const { email } = await addContact(tenant);

    // Act
    const [hit, wrongContract, unknownEmail] = await Promise.all([
      request({ contractNumber: tenant.contractNumber.toLowerCase(), email }),
      request({ contractNumber: 'NO-SUCH-1', email: `nobody-1@elsewhere.example` }),
      request({ contractNumber: tenant.contractNumber, email: `nobody-2@elsewhere.example` }),
    ]);

    // Assess
    expect([hit.status, wrongContract.status, unknownEmail.status]).toEqual([202, 202, 202]);
    expect(wrongContract.text).toBe(hit.text);
    expect(unknownEmail.text).toBe(hit.text);
    const invitation = await waitForMail(email, 'Your login to a client area');
    expect(invitation.body.text).toContain('temporary password');
    const notice = await waitForMail(tenant.email, 'A contact asked for a login');
    expect(notice.body.text).toContain('Contact: \u201cPlain Contact\u201d');
  });

  it('gives the new login an invitation with no areas until the holder grants them', async () => {
    // Prepare
    const { contactId, email } = await addContact(tenant);
    await request({ contractNumber: tenant.contractNumber, email });
    const token = await accessTokenFor(tenant.email);

    // Act: the invitation follows through the outbox
    const subAccount = await eventually(async () => {
      const contact = await gateway.api(
        'GET',
        `/accounts/${tenant.accountId}/contacts/${contactId}`,
        { token }
      );
      expect(contact.body.subAccount).not.toBeNull();
      return contact.body.subAccount;
    });

    // Assess
    expect(subAccount).toEqual({ status: 'invited', permissions: [] });
  });

  it('invites nobody when the contract is one account’s and the email another’s contact (no reach across accounts)', async () => {
    // Prepare
    const other = await createTenant('Requests elsewhere');
    const theirs = await addContact(other);
    const mine = await addContact(tenant);

    // Act: the cross-account request first, then a match on the same stream
    const [crossed, hit] = [
      await request({ contractNumber: tenant.contractNumber, email: theirs.email }),
      await request({ contractNumber: tenant.contractNumber, email: mine.email }),
    ];
    await waitForMail(mine.email, 'Your login to a client area');

    // Assess
    expect([crossed.status, crossed.text]).toEqual([hit.status, hit.text]);
    expect(await mailTo(theirs.email)).toEqual([]);
    const contact = await gateway.api(
      'GET',
      `/accounts/${other.accountId}/contacts/${theirs.contactId}`,
      { token: await accessTokenFor(other.email) }
    );
    expect(contact.body.subAccount).toBeNull();
  });

  it('sends nothing for the primary, who already has a login', async () => {
    // Act
    const response = await request({ contractNumber: tenant.contractNumber, email: tenant.email });

    // Assess
    expect(response.status).toBe(202);
  });

  it('limits requests per email, whatever the contract', async () => {
    // Prepare
    const email = 'hammer@elsewhere.example';
    // The counters are per clock hour: four requests must not straddle its turn.
    inFreshWindow(3600);

    // Act
    const answers = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      answers.push((await request({ contractNumber: `NO-SUCH-${attempt}`, email })).status);
    }

    // Assess
    expect(answers).toEqual([202, 202, 202, 429]);
  }, 30_000);

  it('validates the body like every other route', async () => {
    // Act
    const response = await request({ contractNumber: '', email: 'not-an-email', accountId: 'x' });

    // Assess
    expect(response.status).toBe(400);
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['contractNumber', 'email', 'accountId']));
  });
});
