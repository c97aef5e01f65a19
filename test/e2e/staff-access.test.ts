/**
 * Staff access is checked live, like client memberships: the staff item,
 * not the token, says whether a staff login may act, so a disabled or
 * removed login is refused at its next request with the token it still
 * holds. Logins are disabled, enabled and removed through the operators'
 * commands (scripts/staff/commands.ts, what `npm run staff` runs).
 */
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { deleteStaffDelete, getStaffCommand } from '#core/entities/staff';
import { tableStore } from '#core/table/function-store';
import { findFreePort } from '../../local/ports.ts';
import { runningStackFile, writeRunningStack } from '../../scripts/local-stack/running-stack.ts';
import { signInStaff } from '../../scripts/local-stack/staff-logins.ts';
import { addStaff, disableStaff, enableStaff, removeStaff } from '../../scripts/staff/commands.ts';
import { useGateway } from '../support/gateway.ts';
import { accountLoad } from '../support/loads.ts';
import { decodeJwtPayload } from '../support/local-stack.ts';
import { runScript } from '../support/run-script.ts';
import {
  createStaffLogin,
  staffAdmin,
  staffTokensFor,
  type TestStaffLogin,
} from '../support/staff.ts';
import { staffCall } from '../support/staff-calls.ts';
import { cognito, TEST_PASSWORD } from '../support/tenants.ts';

const stack = inject('localStack');
const gateway = useGateway();
const REFUSED = 'This staff login is disabled or removed.';

/** A new staff login and an access token of it, signed in with password and TOTP. */
const signedInStaff = async (label: string) => {
  const login = await createStaffLogin(label);
  const { AccessToken } = await staffTokensFor(login);
  if (!AccessToken) throw new Error(`no access token for ${login.username}`);
  return { login, token: AccessToken };
};

const staffItemOf = (login: TestStaffLogin) => tableStore.get(getStaffCommand(login.staffId));

const dropStaffItem = (login: TestStaffLogin) =>
  tableStore.delete(deleteStaffDelete(login.staffId));

describe('a staff login through its life', () => {
  it('is refused at its next request once disabled, accepted again once enabled, refused once removed', async () => {
    // Prepare
    const { login, token } = await signedInStaff('lifecycle');
    const queue = () => gateway.api('GET', '/staff/tickets', { token });
    const active = await queue();

    // Act
    await disableStaff(staffAdmin(), login.username);
    const disabled = await queue();
    await enableStaff(staffAdmin(), login.username);
    const enabled = await queue();
    await removeStaff(staffAdmin(), login.username);
    const removed = await queue();

    // Assess
    expect([active, disabled, enabled, removed].map((response) => response.status)).toEqual([
      200, 401, 200, 401,
    ]);
    for (const refusal of [disabled, removed]) {
      expect(refusal.headers.get('content-type')).toContain('application/problem+json');
      expect(refusal.body).toMatchObject({ status: 401, detail: REFUSED });
    }
    // The same token throughout, still well within its validity.
    expect(Number(decodeJwtPayload(token).exp) * 1000).toBeGreaterThan(Date.now());
  });

  it('refuses the next GET /staff/me of a disabled login, before Cognito is asked', async () => {
    // Prepare
    const { login, token } = await signedInStaff('me');
    const before = await gateway.api('GET', '/staff/me', { token });

    // Act
    await disableStaff(staffAdmin(), login.username);
    const after = await gateway.api('GET', '/staff/me', { token });

    // Assess
    expect(before.status, before.text).toBe(200);
    expect(after.status).toBe(401);
    expect(after.body.detail).toBe(REFUSED);
    expect(await staffItemOf(login)).toMatchObject({ status: 'disabled' });
  });

  it('refuses a staff token whose login has no staff item', async () => {
    // Prepare
    const { login, token } = await signedInStaff('itemless');
    await dropStaffItem(login);

    // Act
    const [me, queue, requesters] = await Promise.all([
      gateway.api('GET', '/staff/me', { token }),
      gateway.api('GET', '/staff/tickets', { token }),
      gateway.api('GET', '/staff/requesters?email=nobody%40elsewhere.example', { token }),
    ]);

    // Assess
    for (const response of [me, queue, requesters]) {
      expect(response.status, response.text).toBe(401);
      expect(response.body.detail).toBe(REFUSED);
    }
  });

  it('lets a disabled login write nothing through a route that checks with its own read', async () => {
    // Prepare
    const { login, token } = await signedInStaff('loader');
    await disableStaff(staffAdmin(), login.username);
    const body = accountLoad();

    // Act
    const load = await gateway.api('POST', '/staff/accounts', { token, body });
    const lookup = await staffCall(
      gateway.url,
      'GET',
      `/staff/external-ids/account/${body.externalId}`
    );

    // Assess
    expect(load.status, load.text).toBe(401);
    expect(load.body.detail).toBe(REFUSED);
    expect(lookup.status, lookup.text).toBe(404);
  });
});

describe('the operators’ commands', () => {
  it('gives an existing staff login without an item its item, and the login works again', async () => {
    // Prepare: a login made before staff items existed (or by hand in the console)
    const { login, token } = await signedInStaff('upgraded');
    await dropStaffItem(login);
    const before = await gateway.api('GET', '/staff/tickets', { token });

    // Act: the command as it runs against a deployed stage (AdminCreateUser, then the item)
    const outcome = await addStaff(
      { ...staffAdmin(), emulator: undefined },
      { username: login.username }
    );
    const after = await gateway.api('GET', '/staff/tickets', { token });

    // Assess
    expect(before.status).toBe(401);
    expect(outcome).toMatchObject({ staffId: login.staffId, status: 'active' });
    expect(outcome.steps).toContain('already in the staff pool (password and device unchanged)');
    expect(after.status, after.text).toBe(200);
    expect(await staffItemOf(login)).toMatchObject({
      username: login.username,
      name: login.name,
      status: 'active',
    });
  });

  it('leaves a disabled login disabled when it is added again', async () => {
    // Prepare
    const { login, token } = await signedInStaff('readded');
    await disableStaff(staffAdmin(), login.username);

    // Act
    const outcome = await addStaff(
      { ...staffAdmin(), emulator: undefined },
      { username: login.username }
    );
    const response = await gateway.api('GET', '/staff/tickets', { token });

    // Assess
    expect(outcome.status).toBe('disabled');
    expect(response.status).toBe(401);
  });

  it('refuses to enable a login that has no staff item, and changes nothing', async () => {
    // Prepare
    const { login } = await signedInStaff('enable-itemless');
    await dropStaffItem(login);

    // Act
    const enabling = enableStaff(staffAdmin(), login.username);

    // Assess
    await expect(enabling).rejects.toThrow(`${login.username} has no staff item`);
    expect(await staffItemOf(login)).toBeUndefined();
  });
});

describe('npm run staff', () => {
  let port: number | undefined;

  afterAll(async () => {
    if (port !== undefined) await rm(runningStackFile(port), { force: true });
  });

  /** The command as an operator runs it beside `npm start`: no flags, the local stack of PORT. */
  const runCommand = async (args: string[]) => {
    if (port === undefined) {
      // A port no `npm start` of this machine uses, standing for this test's stack.
      port = await findFreePort();
      await writeRunningStack(port, stack);
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      PORTICO_DEMO_PASSWORD: TEST_PASSWORD,
    };
    delete env.PORTICO_TABLE_NAME;
    delete env.PORTICO_STAFF_USER_POOL_ID;
    return runScript('scripts/staff.ts', args, env);
  };

  it('adds, disables, enables and removes a staff login of the local stack', async () => {
    // Prepare
    const username = `cli-${Date.now()}@staff.portico.example`;
    const added = await runCommand([
      'add',
      username,
      '--given-name',
      'Cli',
      '--family-name',
      'Tester',
    ]);
    const totpSecret = /TOTP secret ([A-Z2-7]+)/.exec(added.stdout)?.[1] ?? '';
    const { AccessToken: token } = await signInStaff(cognito(), stack.staffUserPoolClientId, {
      username,
      password: TEST_PASSWORD,
      totpSecret,
    });
    const me = () => gateway.api('GET', '/staff/me', { token });
    const active = await me();

    // Act
    const disable = await runCommand(['disable', username]);
    const disabled = await me();
    const enable = await runCommand(['enable', username]);
    const enabled = await me();
    const remove = await runCommand(['remove', username]);
    const removed = await me();

    // Assess
    expect(
      [added, disable, enable, remove].map((run) => run.code),
      added.stderr
    ).toEqual([0, 0, 0, 0]);
    expect(added.stdout).toContain(`staff add: ${username}`);
    expect(added.stdout).toContain('staff item written (active)');
    expect(active.body).toMatchObject({ username, name: 'Cli Tester' });
    expect(disable.stdout).toContain('staff item disabled: the API refuses its next request');
    expect(remove.stdout).toContain('deleted from the staff pool');
    expect([active, disabled, enabled, removed].map((response) => response.status)).toEqual([
      200, 401, 200, 401,
    ]);
  }, 120_000);

  it('exits 1 and says why for a login the staff pool does not have', async () => {
    // Act
    const run = await runCommand(['disable', 'nobody-at-all@staff.portico.example']);

    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not a login of the staff pool');
  }, 60_000);

  it('exits 2 with the usage for an unknown command', async () => {
    // Act
    const run = await runCommand(['suspend', 'someone@staff.portico.example']);

    // Assess
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: npm run staff --');
  }, 60_000);
});
