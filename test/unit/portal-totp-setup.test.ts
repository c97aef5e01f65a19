/**
 * The staff console's first sign-in in AWS: a new password, then MFA_SETUP
 * (the staff pool requires TOTP), driven through the portal's cognito.ts
 * against a recording endpoint playing Cognito; codes come from the secret
 * it hands out, computed as an authenticator app does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoError, createCognito, type SignInStep } from '../../portal/src/auth/cognito.ts';
import { groupedSecret, otpauthLink } from '../../portal/src/auth/totp.ts';
import { totpCode } from '../../scripts/local-stack/totp.ts';
import { srpUser, startSrpCognito } from '../support/cognito-srp.ts';
import { acceptedCodes } from '../support/cognito-totp.ts';

const POOL_ID = 'eu-central-1_St4ffP00l';
const POOL_NAME = 'St4ffP00l';
const CLIENT_ID = 'staff-console-client-id';
const TEMPORARY = 'Temporary-Pass-2026!';
const CHOSEN = 'Chosen-Pass-2026!';

const expectKind = <K extends SignInStep['kind']>(step: SignInStep, kind: K) => {
  if (step.kind !== kind) throw new Error(`expected ${kind}, got ${step.kind}`);
  return step as Extract<SignInStep, { kind: K }>;
};

/** A six-digit code the authenticator cannot show now. */
const wrongCodeFor = (secret: string) => {
  const accepted = acceptedCodes(secret);
  return ['000000', '111111', '222222', '333333'].find((code) => !accepted.includes(code)) ?? '';
};

describe('the staff console enrolling an authenticator (MFA_SETUP)', () => {
  let cognito: Awaited<ReturnType<typeof startSrpCognito>>;
  const joiner = (email: string) => ({
    ...srpUser(POOL_NAME, email, TEMPORARY),
    newPasswordRequired: true,
    totpRequired: true,
  });
  const jo = joiner('jo@provider.example');
  const sam = joiner('sam@provider.example');
  const kim = joiner('kim@provider.example');
  const staffConsole = () =>
    createCognito(cognito.endpoint, {
      clientId: CLIENT_ID,
      userPoolId: POOL_ID,
      signInFlow: 'srp',
    });
  /** Signs in with the temporary password and chooses a new one: the MFA_SETUP step. */
  const reachSetup = async (email: string) => {
    const client = staffConsole();
    const first = expectKind(await client.signIn(email, TEMPORARY), 'new-password');
    const setup = await client.answerNewPassword(first.username, first.session, CHOSEN);
    return { client, setup };
  };

  beforeAll(async () => {
    cognito = await startSrpCognito(POOL_NAME, [jo, sam, kim]);
  });
  afterAll(() => cognito.close());

  it('goes from a new password to MFA_SETUP, registers the app with its first code and is signed in', async () => {
    // Prepare
    const from = cognito.requests.length;

    // Act
    const { client, setup } = await reachSetup('jo@provider.example');
    const challenge = expectKind(setup, 'totp-setup');
    const secret = await client.setUpTotp(challenge.session);
    const code = totpCode(secret.secretCode);
    const done = await client.confirmTotp(challenge.username, secret.session, code, 'Jo phone');

    // Assess
    expect(challenge.username).toBe(jo.userId);
    expect(secret.secretCode).toMatch(/^[A-Z2-7]{32}$/);
    expect(done).toMatchObject({
      kind: 'signed-in',
      tokens: { accessToken: `access.${jo.userId}` },
    });
    expect(cognito.secretOf(jo)).toBe(secret.secretCode);
    const calls = cognito.requests.slice(from);
    expect(calls.map((c) => c.operation)).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
      'RespondToAuthChallenge',
      'AssociateSoftwareToken',
      'VerifySoftwareToken',
      'RespondToAuthChallenge',
    ]);
    const [, , newPassword, associate, verify, complete] = calls;
    expect(newPassword?.body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(associate?.body).toEqual({ Session: challenge.session });
    expect(verify?.body).toEqual({
      Session: secret.session,
      UserCode: code,
      FriendlyDeviceName: 'Jo phone',
    });
    expect(complete?.body).toEqual({
      ClientId: CLIENT_ID,
      ChallengeName: 'MFA_SETUP',
      Session: expect.any(String),
      ChallengeResponses: { USERNAME: jo.userId },
    });
    expect(complete?.body.Session).not.toBe(secret.session);
  });

  it('stays on the setup step with a wrong code, and the same step takes a right one', async () => {
    // Prepare
    const { client, setup } = await reachSetup('sam@provider.example');
    const challenge = expectKind(setup, 'totp-setup');
    const secret = await client.setUpTotp(challenge.session);

    // Act
    const wrong = client.confirmTotp(
      challenge.username,
      secret.session,
      wrongCodeFor(secret.secretCode)
    );
    await expect(wrong).rejects.toEqual(new CognitoError('EnableSoftwareTokenMFAException'));
    const enrolledAfterWrong = cognito.secretOf(sam);
    const retry = await client.confirmTotp(
      challenge.username,
      secret.session,
      totpCode(secret.secretCode)
    );

    // Assess
    expect(enrolledAfterWrong).toBeUndefined();
    expect(cognito.requests.at(-2)?.operation).toBe('VerifySoftwareToken');
    expect(cognito.requests.at(-2)?.body).not.toHaveProperty('FriendlyDeviceName');
    expect(retry).toMatchObject({
      kind: 'signed-in',
      tokens: { accessToken: `access.${sam.userId}` },
    });
  });

  it('asks the enrolled login for its app code at the next sign-in, not for a new setup', async () => {
    // Prepare
    const { client, setup } = await reachSetup('kim@provider.example');
    const challenge = expectKind(setup, 'totp-setup');
    const { secretCode: secret, session } = await client.setUpTotp(challenge.session);
    await client.confirmTotp(challenge.username, session, totpCode(secret));

    // Act
    const next = expectKind(await client.signIn('kim@provider.example', CHOSEN), 'totp');
    const refused = client.answerTotp(next.username, next.session, wrongCodeFor(secret));
    await expect(refused).rejects.toEqual(new CognitoError('CodeMismatchException'));
    const done = await client.answerTotp(next.username, next.session, totpCode(secret));

    // Assess
    expect(done).toMatchObject({
      kind: 'signed-in',
      tokens: { accessToken: `access.${kim.userId}` },
    });
    expect(cognito.requests.filter((r) => r.operation === 'AssociateSoftwareToken')).toHaveLength(
      3
    );
  });
});

describe('the key the setup page shows', () => {
  it('links to an authenticator app with the issuer, the address and the secret', () => {
    // Act
    const link = otpauthLink('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'jo@provider.example');

    // Assess
    expect(link).toBe(
      'otpauth://totp/Portico:jo%40provider.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Portico'
    );
    const parsed = new URL(link);
    expect(parsed.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect([parsed.protocol, parsed.host, decodeURIComponent(parsed.pathname)]).toEqual([
      'otpauth:',
      'totp',
      '/Portico:jo@provider.example',
    ]);
    expect(parsed.searchParams.get('issuer')).toBe('Portico');
  });

  it('writes the secret in groups of four for typing', () => {
    // Assess
    expect(groupedSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PX')).toBe(
      'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PX'
    );
  });
});
