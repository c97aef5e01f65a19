import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoError, createCognito } from '../../portal/src/auth/cognito.ts';
import { cognitoTimestamp, startSrp } from '../../portal/src/auth/srp.ts';
import { srpChallenge, srpUser, startSrpCognito } from '../support/cognito-srp.ts';

const POOL_ID = 'eu-central-1_Ab12Cd34E';
const POOL_NAME = 'Ab12Cd34E';
const CLIENT_ID = 'portal-client-id';
const PASSWORD = 'Correct-Horse-2026!';
const TIMESTAMP_FORMAT =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [1-9]\d? \d\d:\d\d:\d\d UTC \d{4}$/;

describe('the portal SRP answer', () => {
  it('signs the challenge as Cognito expects for the right password, and not for a wrong one', async () => {
    // Prepare
    const user = srpUser(POOL_NAME, 'owner@demo.example', PASSWORD);
    const now = new Date('2026-02-03T01:02:03Z');

    // Act
    const right = await startSrp(POOL_ID);
    const rightChallenge = srpChallenge(POOL_NAME, user, right.srpA);
    const rightAnswer = await right.answer(rightChallenge.params, PASSWORD, now);
    const wrong = await startSrp(POOL_ID);
    const wrongChallenge = srpChallenge(POOL_NAME, user, wrong.srpA);
    const wrongAnswer = await wrong.answer(wrongChallenge.params, 'Correct-Horse-2026?', now);

    // Assess
    expect(rightAnswer).toEqual({
      USERNAME: user.userId,
      PASSWORD_CLAIM_SECRET_BLOCK: rightChallenge.params.SECRET_BLOCK,
      TIMESTAMP: 'Tue Feb 3 01:02:03 UTC 2026',
      PASSWORD_CLAIM_SIGNATURE: rightChallenge.expectedSignature('Tue Feb 3 01:02:03 UTC 2026'),
    });
    expect(wrongAnswer.PASSWORD_CLAIM_SIGNATURE).not.toBe(
      wrongChallenge.expectedSignature(wrongAnswer.TIMESTAMP)
    );
  });

  it('draws a new secret for every sign-in, so no two SRP_A are alike', async () => {
    // Act
    const [first, second] = await Promise.all([startSrp(POOL_ID), startSrp(POOL_ID)]);

    // Assess
    expect(first.srpA).toMatch(/^[0-9a-f]{700,}$/);
    expect(first.srpA).not.toBe(second.srpA);
  });

  it('writes Cognito timestamps with the day unpadded and the time padded, in UTC', () => {
    // Assess
    expect(cognitoTimestamp(new Date('2026-11-28T23:59:09Z'))).toBe('Sat Nov 28 23:59:09 UTC 2026');
    expect(cognitoTimestamp(new Date('2027-01-01T00:00:00+02:00'))).toBe(
      'Thu Dec 31 22:00:00 UTC 2026'
    );
  });
});

describe('the portal sign-in with srp', () => {
  const owner = srpUser(POOL_NAME, 'owner@demo.example', PASSWORD);
  const invited = {
    ...srpUser(POOL_NAME, 'new@demo.example', PASSWORD),
    newPasswordRequired: true,
  };
  let cognito: Awaited<ReturnType<typeof startSrpCognito>>;
  const portal = () =>
    createCognito(cognito.endpoint, {
      clientId: CLIENT_ID,
      userPoolId: POOL_ID,
      signInFlow: 'srp',
    });

  beforeAll(async () => {
    cognito = await startSrpCognito(POOL_NAME, [owner, invited]);
  });
  afterAll(() => cognito.close());

  it('sends SRP_A, then answers PASSWORD_VERIFIER as USER_ID_FOR_SRP, and is signed in', async () => {
    // Prepare
    const from = cognito.requests.length;

    // Act
    const step = await portal().signIn('owner@demo.example', PASSWORD);

    // Assess
    expect(step).toMatchObject({
      kind: 'signed-in',
      tokens: { accessToken: `access.${owner.userId}` },
    });
    const [initiate, verify, ...more] = cognito.requests.slice(from);
    expect(more).toEqual([]);
    expect(initiate).toEqual({
      operation: 'InitiateAuth',
      body: {
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: CLIENT_ID,
        AuthParameters: {
          USERNAME: 'owner@demo.example',
          SRP_A: expect.stringMatching(/^[0-9a-f]+$/),
        },
      },
    });
    expect(verify?.operation).toBe('RespondToAuthChallenge');
    expect(verify?.body).toMatchObject({ ClientId: CLIENT_ID, ChallengeName: 'PASSWORD_VERIFIER' });
    expect(verify?.body.Session).toEqual(expect.any(String));
    expect(Object.keys(verify?.body.ChallengeResponses ?? {}).sort()).toEqual([
      'PASSWORD_CLAIM_SECRET_BLOCK',
      'PASSWORD_CLAIM_SIGNATURE',
      'TIMESTAMP',
      'USERNAME',
    ]);
    expect(verify?.body.ChallengeResponses?.USERNAME).toBe(owner.userId);
    expect(verify?.body.ChallengeResponses?.TIMESTAMP).toMatch(TIMESTAMP_FORMAT);
  });

  it('is refused with a wrong password, as NotAuthorizedException', async () => {
    // Act
    const attempt = portal().signIn('owner@demo.example', `${PASSWORD}x`);

    // Assess
    await expect(attempt).rejects.toEqual(new CognitoError('NotAuthorizedException'));
    await expect(attempt).rejects.toBeInstanceOf(CognitoError);
  });

  it('goes on to a new password at a first sign-in, answered as USER_ID_FOR_SRP', async () => {
    // Prepare
    const client = portal();

    // Act
    const challenge = await client.signIn('new@demo.example', PASSWORD);
    if (challenge.kind !== 'new-password')
      throw new Error(`expected new-password, got ${challenge.kind}`);
    const done = await client.answerNewPassword(
      challenge.username,
      challenge.session,
      'Next-Pass-2026!'
    );

    // Assess
    expect(challenge.username).toBe(invited.userId);
    expect(done).toMatchObject({
      kind: 'signed-in',
      tokens: { accessToken: `access.${invited.userId}` },
    });
    expect(cognito.requests.at(-1)?.body).toMatchObject({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ChallengeResponses: { USERNAME: invited.userId, NEW_PASSWORD: 'Next-Pass-2026!' },
    });
  });

  it('sends the password itself only when the configuration says password', async () => {
    // Prepare
    const from = cognito.requests.length;
    const local = createCognito(cognito.endpoint, {
      clientId: CLIENT_ID,
      userPoolId: POOL_ID,
      signInFlow: 'password',
    });

    // Act
    const attempt = local.signIn('owner@demo.example', PASSWORD);

    // Assess
    await expect(attempt).rejects.toEqual(new CognitoError('InvalidParameterException'));
    expect(cognito.requests.slice(from)).toEqual([
      {
        operation: 'InitiateAuth',
        body: {
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: CLIENT_ID,
          AuthParameters: { USERNAME: 'owner@demo.example', PASSWORD },
        },
      },
    ]);
  });
});
