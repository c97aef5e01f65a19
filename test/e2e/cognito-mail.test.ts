/**
 * Cognito's own mail locally: a reset code goes through the CustomMessage
 * trigger (Portico's wording, the login's language) and SES into the local
 * mailbox, and the code in it resets the password. The attacks: a reset
 * for an address that is no login, a reset that tries to send the code
 * elsewhere, markup in the name Cognito holds.
 */
import { randomUUID } from 'node:crypto';
import {
  AdminUpdateUserAttributesCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, inject, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { mailTo, type StoredEmail } from '../support/mailbox.ts';
import { accessTokenFor, cognito, createTenant, TEST_PASSWORD } from '../support/tenants.ts';

const stack = inject('localStack');
const { api } = useGateway();

const RESET_EN = 'Your password reset code';
const RESET_ES = 'Su código para restablecer la contraseña';
const CODE = /<strong>(\d{6})<\/strong>/;

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

/** Asks Cognito for a reset code for `username`; the answer or the error. */
const forgotPassword = (username: string, clientMetadata?: Record<string, string>) =>
  cognito()
    .send(
      new ForgotPasswordCommand({
        ClientId: env('USER_POOL_CLIENT_ID'),
        Username: username,
        ClientMetadata: clientMetadata,
      })
    )
    .then(
      (answer) => ({ answer, error: undefined }),
      (error: Error) => ({ answer: undefined, error })
    );

const confirm = (username: string, code: string, password: string) =>
  cognito().send(
    new ConfirmForgotPasswordCommand({
      ClientId: env('USER_POOL_CLIENT_ID'),
      Username: username,
      ConfirmationCode: code,
      Password: password,
    })
  );

/** The newest mail with `subject` to `address` (the emulator delivers before ForgotPassword answers). */
const latestMail = async (address: string, subject: string): Promise<StoredEmail | undefined> =>
  (await mailTo(address)).filter((mail) => mail.subject === subject).at(-1);

const allMail = async (): Promise<StoredEmail[]> => {
  const response = await fetch(`${stack.sesEndpoint}/store`);
  return ((await response.json()) as { emails: StoredEmail[] }).emails;
};

describe('Cognito mail through the local mailbox', () => {
  it('mails a demo login its reset code in Portico’s wording, and that code resets the password', async () => {
    // Prepare
    const [demo] = stack.demoLogins;
    if (!demo) throw new Error('no demo login');

    // Act
    const { answer } = await forgotPassword(demo.email);
    const mail = await latestMail(demo.email, RESET_EN);
    const code = CODE.exec(mail?.body.html ?? '')?.[1] ?? '';
    const wrongCode = code === '000000' ? '000001' : '000000';
    const wrong = await confirm(demo.email, wrongCode, stack.demoPassword).catch((e: Error) => e);
    // The demo password again: other test files sign in with it meanwhile.
    await confirm(demo.email, code, stack.demoPassword);

    // Assess
    expect(answer?.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    expect(mail?.body.html).toContain('Someone asked to reset the password of your login');
    expect(code).toMatch(/^\d{6}$/);
    expect(wrong).toBeInstanceOf(Error);
    expect((wrong as Error).name).toBe('CodeMismatchException');
    expect(await accessTokenFor(demo.email, stack.demoPassword)).toBeTruthy();
  });

  it('a new password set with the mailed code works and the old one stops working', async () => {
    // Prepare
    const tenant = await createTenant('Reset');
    const newPassword = `Reset-${randomUUID().slice(0, 8)}-9!`;

    // Act
    await forgotPassword(tenant.email);
    const code = CODE.exec((await latestMail(tenant.email, RESET_EN))?.body.html ?? '')?.[1] ?? '';
    await confirm(tenant.email, code, newPassword);

    // Assess
    expect(await accessTokenFor(tenant.email, newPassword)).toBeTruthy();
    await expect(accessTokenFor(tenant.email, TEST_PASSWORD)).rejects.toThrow();
  });

  it('writes the code in the language the login chose for itself in My Details', async () => {
    // Prepare
    const tenant = await createTenant('Idioma');
    const token = await accessTokenFor(tenant.email);
    const changed = await api('PATCH', `/accounts/${tenant.accountId}`, {
      token,
      body: { language: 'es' },
    });

    // Act
    await forgotPassword(tenant.email);

    // Assess
    expect(changed.status).toBe(200);
    const mail = await latestMail(tenant.email, RESET_ES);
    expect(mail?.body.html).toContain('Alguien ha pedido restablecer la contraseña');
    expect(mail?.body.html).toMatch(CODE);
  });

  it('a reset for an address that is no login mails nobody and answers as the emulator does (UserNotFoundException; AWS hides it)', async () => {
    // Prepare
    const stranger = `nobody-${randomUUID().slice(0, 8)}@stranger.example`;
    const before = (await allMail()).length;

    // Act
    const { error } = await forgotPassword(stranger);

    // Assess
    expect(error?.name).toBe('UserNotFoundException');
    expect(await mailTo(stranger)).toEqual([]);
    const since = (await allMail()).slice(before);
    expect(since.filter((mail) => [RESET_EN, RESET_ES].includes(mail.subject))).toEqual([]);
  });

  it('a reset code goes only to the login’s own address, whatever the request carries', async () => {
    // Prepare
    const tenant = await createTenant('Victim');
    const attacker = `attacker-${randomUUID().slice(0, 8)}@evil.example`;

    // Act
    await forgotPassword(tenant.email, { email: attacker, to: attacker, destination: attacker });

    // Assess
    expect(await latestMail(tenant.email, RESET_EN)).toBeDefined();
    expect(await mailTo(attacker)).toEqual([]);
  });

  it('markup in the name Cognito holds reaches the mail as text, never as HTML', async () => {
    // Prepare
    const tenant = await createTenant('Markup');
    const name = '<a href="https://evil.example/reset">Reset here</a><img src=x onerror=alert(1)>';
    await cognito().send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: env('USER_POOL_ID'),
        Username: tenant.email,
        UserAttributes: [{ Name: 'given_name', Value: name }],
      })
    );

    // Act
    await forgotPassword(tenant.email);

    // Assess
    const html = (await latestMail(tenant.email, RESET_EN))?.body.html ?? '';
    expect(html).toContain('&lt;a href=&quot;https://evil.example/reset&quot;&gt;');
    expect(html).not.toMatch(/<a |<img/);
  });
});
