import { describe, expect, inject, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { accessTokenFor } from '../support/tenants.ts';

const gateway = useGateway();
const stack = inject('localStack');

describe('seeded demo data', () => {
  it('gives billing@demo.example a sub-account of Demo Hosting Ltd with only invoices and profile', async () => {
    // Prepare
    const token = await accessTokenFor('billing@demo.example', stack.demoPassword);

    // Act
    const me = await gateway.api('GET', '/me', { token });
    const [account] = me.body.accounts as {
      accountId: string;
      accountName: string;
      permissions: string[];
    }[];
    const contacts = await gateway.api('GET', `/accounts/${account?.accountId}/contacts`, {
      token,
    });

    // Assess
    expect(account).toMatchObject({
      accountName: 'Demo Hosting Ltd',
      role: 'sub-account',
      permissions: ['profile', 'invoices'],
    });
    expect(contacts.status).toBe(403);
    expect(contacts.body).toMatchObject({
      allowedAreas: ['profile', 'invoices'],
      grantedBy: { name: 'Alex Morgan' },
    });
  });

  it('lists the primary, the billing and devops logins and a contact without login for the demo owner', async () => {
    // Prepare
    const token = await accessTokenFor('owner@demo.example', stack.demoPassword);
    const me = await gateway.api('GET', '/me', { token });
    const [account] = me.body.accounts as { accountId: string }[];

    // Act
    const contacts = await gateway.api('GET', `/accounts/${account?.accountId}/contacts`, {
      token,
    });

    // Assess
    const items = contacts.body.items as {
      email: string;
      subAccount: unknown;
      isPrimary: boolean;
    }[];
    expect(items).toHaveLength(4);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'owner@demo.example', isPrimary: true }),
        expect.objectContaining({
          email: 'billing@demo.example',
          subAccount: { status: 'active', permissions: ['profile', 'invoices'] },
        }),
        expect.objectContaining({
          email: 'devops@demo.example',
          supportScope: 'isolated',
          subAccount: { status: 'active', permissions: ['services', 'tickets'] },
        }),
        expect.objectContaining({ email: 'tech@elsewhere.example', subAccount: null }),
      ])
    );
  });

  it('shows the demo owner a ticket answered by the helpdesk, one waiting and one closed', async () => {
    // Prepare
    const token = await accessTokenFor('owner@demo.example', stack.demoPassword);
    const me = await gateway.api('GET', '/me', { token });
    const [account] = me.body.accounts as { accountId: string }[];

    // Act
    const tickets = await gateway.api('GET', `/accounts/${account?.accountId}/tickets`, {
      token,
    });

    // Assess
    const items = tickets.body.items as { subject: string; status: string }[];
    expect(items.map(({ subject, status }) => ({ subject, status }))).toEqual(
      expect.arrayContaining([
        { subject: 'Mail to info@demo.example bounces', status: 'answered' },
        { subject: 'New invoice address from January', status: 'open' },
        { subject: 'Question about backups', status: 'closed' },
      ])
    );
  });
});

/** A demo login's token and the id of its first account. */
const signIn = async (email: string) => {
  const token = await accessTokenFor(email, stack.demoPassword);
  const me = await gateway.api('GET', '/me', { token });
  const [account] = me.body.accounts as { accountId: string }[];
  return { token, accountId: account?.accountId ?? '' };
};

type ServiceView = {
  label: string;
  type: string;
  support: string;
  supportContacts: { email: string }[];
};

describe('seeded services, domains and support contacts', () => {
  it('gives both demo accounts services and domains, support assigned on two of Demo Hosting’s', async () => {
    // Prepare
    const demo = await signIn('owner@demo.example');
    const other = await signIn('owner@other.example');
    const list = (who: typeof demo, listing: string) =>
      gateway.api('GET', `/accounts/${who.accountId}/${listing}`, { token: who.token });

    // Act
    const [demoServices, demoDomains, otherServices, otherDomains] = await Promise.all([
      list(demo, 'services'),
      list(demo, 'domains'),
      list(other, 'services'),
      list(other, 'domains'),
    ]);

    // Assess
    const summary = (items: unknown) =>
      (items as ServiceView[]).map((service) => ({
        label: service.label,
        support: service.support,
        contacts: service.supportContacts.map((contact) => contact.email),
      }));
    expect(summary(demoServices.body.items)).toEqual(
      expect.arrayContaining([
        {
          label: 'Web hosting demo.example',
          support: 'assigned',
          contacts: ['tech@elsewhere.example'],
        },
        { label: 'VPS 17 (4 GB)', support: 'assigned', contacts: ['devops@demo.example'] },
      ])
    );
    expect(summary(demoDomains.body.items)).toEqual([
      { label: 'demo-shop.example', support: 'deactivated', contacts: [] },
      { label: 'demo.example', support: 'deactivated', contacts: [] },
    ]);
    expect(summary(otherServices.body.items)).toEqual([
      { label: 'Web hosting other.example', support: 'deactivated', contacts: [] },
    ]);
    expect(summary(otherDomains.body.items)).toEqual([
      { label: 'other.example', support: 'deactivated', contacts: [] },
    ]);
  });

  it('shows the isolated devops login only the tickets of its VPS and its own', async () => {
    // Prepare
    const devops = await signIn('devops@demo.example');

    // Act
    const tickets = await gateway.api('GET', `/accounts/${devops.accountId}/tickets`, {
      token: devops.token,
    });

    // Assess
    expect(tickets.status).toBe(200);
    expect(
      (tickets.body.items as { subject: string; status: string }[]).map(({ subject, status }) => ({
        subject,
        status,
      }))
    ).toEqual([{ subject: 'VPS 17 rebooted at 03:12', status: 'answered' }]);
  });
});

describe('seeded invoices and usage', () => {
  it('shows billing@demo.example the invoices of Demo Hosting Ltd, and not its usage', async () => {
    // Prepare
    const token = await accessTokenFor('billing@demo.example', stack.demoPassword);
    const me = await gateway.api('GET', '/me', { token });
    const [account] = me.body.accounts as { accountId: string }[];

    // Act
    const invoices = await gateway.api('GET', `/accounts/${account?.accountId}/invoices`, {
      token,
    });
    const calls = await gateway.api('GET', `/accounts/${account?.accountId}/services/any/calls`, {
      token,
    });

    // Assess
    expect(
      (invoices.body.items as { number: string; status: string }[]).map((i) => i.number)
    ).toEqual(['DEMO-2026-03', 'DEMO-2026-02', 'DEMO-2026-01']);
    expect([calls.status, calls.body.area]).toEqual([403, 'usage']);
  });
});

describe('seeded serverhousing traffic', () => {
  it('shows the demo owner the rack’s IPs and its traffic of February and March 2026', async () => {
    // Prepare
    const demo = await signIn('owner@demo.example');
    const services = await gateway.api('GET', `/accounts/${demo.accountId}/services?limit=50`, {
      token: demo.token,
    });
    const rack = (services.body.items as (ServiceView & { id: string })[]).find(
      (service) => service.type === 'serverhousing'
    );
    const path = `/accounts/${demo.accountId}/services/${rack?.id}`;

    // Act
    const [ips, totals] = await Promise.all([
      gateway.api('GET', `${path}/ips`, { token: demo.token }),
      gateway.api('GET', `${path}/traffic/totals?from=2026-01&to=2026-03`, { token: demo.token }),
    ]);

    // Assess
    expect(ips.body.items).toEqual([
      { ip: '192.0.2.10' },
      { ip: '192.0.2.11' },
      { ip: '2001:db8:4::12' },
    ]);
    const months = totals.body.months as { month: string; inBytes: number; ips: unknown[] }[];
    expect(months.map((month) => [month.month, month.ips.length])).toEqual([
      ['2026-01', 0],
      ['2026-02', 2],
      ['2026-03', 2],
    ]);
    // March: 24 hourly samples of .10 (1 MB × hour) and of .11 (2 MB × hour).
    expect(months[2]?.inBytes).toBe(3 * 1_000_000 * ((24 * 25) / 2));
  });
});
