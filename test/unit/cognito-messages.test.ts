import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { ContactLanguage } from '#core/entities/contact';
import { createLoginPut } from '#core/entities/login';
import { WORDED_SOURCES } from '#core/mail/cognito-messages';
import type { TableStore } from '#core/table/store';
import { customMessage } from '../../functions/cognito-messages/custom-message.ts';
import { memoryTableStore } from '../support/memory-table/store.ts';

const SUB = '7d3f7c2e-0f4b-4a57-9a43-5c1f0c0d9e11';
const AT = '2026-12-05T10:00:00.000Z';

const eventFor = (
  triggerSource: string,
  attributes: Record<string, string> = {}
): CustomMessageTriggerEvent =>
  ({
    version: '1',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_pool',
    triggerSource,
    userName: SUB,
    callerContext: { awsSdkVersion: '3', clientId: 'client' },
    request: {
      userAttributes: { sub: SUB, email: 'ana@customer.example', ...attributes },
      codeParameter: '{####}',
      linkParameter: '{##Click Here##}',
      usernameParameter: triggerSource === 'CustomMessage_AdminCreateUser' ? '{username}' : null,
      clientMetadata: {},
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  }) as CustomMessageTriggerEvent;

/** A store holding the login's profile in `language`. */
const storeWithLogin = async (language: ContactLanguage) => {
  const store = memoryTableStore();
  await store.put(
    createLoginPut({
      loginId: SUB,
      name: 'Ana Ruiz',
      email: 'ana@customer.example',
      language,
      emailProven: true,
      createdAt: AT,
      updatedAt: AT,
    })
  );
  return store;
};

const SUBJECTS: Record<ContactLanguage, Record<(typeof WORDED_SOURCES)[number], string>> = {
  en: {
    CustomMessage_ForgotPassword: 'Your password reset code',
    CustomMessage_AdminCreateUser: 'Your new login',
    CustomMessage_UpdateUserAttribute: 'Confirm your new email address',
    CustomMessage_VerifyUserAttribute: 'Confirm your email address',
  },
  es: {
    CustomMessage_ForgotPassword: 'Su código para restablecer la contraseña',
    CustomMessage_AdminCreateUser: 'Su nuevo acceso',
    CustomMessage_UpdateUserAttribute: 'Confirme su nueva dirección de correo',
    CustomMessage_VerifyUserAttribute: 'Confirme su dirección de correo',
  },
};

describe('customMessage', () => {
  for (const language of ['en', 'es'] as const) {
    for (const source of WORDED_SOURCES) {
      it(`words ${source} in the login's language (${language}) and leaves the code to Cognito`, async () => {
        // Prepare
        const store = await storeWithLogin(language);

        // Act
        const { response } = await customMessage(store)(eventFor(source, { given_name: 'Ana' }));

        // Assess
        expect(response.emailSubject).toBe(SUBJECTS[language][source]);
        expect(response.emailMessage).toContain('<strong>{####}</strong>');
        expect(response.emailMessage).toContain(language === 'en' ? 'Hello Ana,' : 'Hola, Ana:');
        if (source === 'CustomMessage_AdminCreateUser') {
          // Cognito refuses an invitation message without both placeholders.
          expect(response.emailMessage).toContain('{username}');
        }
      });
    }
  }

  it('writes English to a user without a login profile (a staff login)', async () => {
    // Act
    const { response } = await customMessage(memoryTableStore())(
      eventFor('CustomMessage_ForgotPassword')
    );

    // Assess
    expect(response.emailSubject).toBe('Your password reset code');
    expect(response.emailMessage).toMatch(/^<p>Hello,<\/p>/);
  });

  it('writes English when the profile cannot be read, rather than failing the reset', async () => {
    // Prepare
    const broken = {
      get: () => Promise.reject(new Error('ProvisionedThroughputExceededException')),
    } as unknown as TableStore;

    // Act
    const { response } = await customMessage(broken)(eventFor('CustomMessage_ForgotPassword'));

    // Assess
    expect(response.emailSubject).toBe('Your password reset code');
  });

  it('reads the profile with one GetItem and writes nothing', async () => {
    // Prepare
    const store = await storeWithLogin('es');
    const before = { ...store.calls };

    // Act
    await customMessage(store)(eventFor('CustomMessage_ForgotPassword'));

    // Assess
    expect(store.calls.reads - before.reads).toBe(1);
    expect(store.calls.writes - before.writes).toBe(0);
  });

  for (const source of [
    'CustomMessage_SignUp',
    'CustomMessage_ResendCode',
    'CustomMessage_Authentication',
  ]) {
    it(`leaves ${source} to Cognito's own message, reading nothing`, async () => {
      // Prepare
      const store = await storeWithLogin('es');
      const event = eventFor(source);
      const before = { ...store.calls };

      // Act
      const answer = await customMessage(store)(structuredClone(event));

      // Assess
      expect(answer).toEqual(event);
      expect(store.calls.reads).toBe(before.reads);
    });
  }

  it('never lets markup in a user attribute into the message: a name is text, not HTML', async () => {
    // Prepare
    const store = await storeWithLogin('en');
    const name = '<img src=x onerror="alert(1)"><a href="https://evil.example">reset here</a>';

    // Act
    const { response } = await customMessage(store)(
      eventFor('CustomMessage_ForgotPassword', { given_name: name, family_name: '<script>' })
    );

    // Assess
    const html = response.emailMessage ?? '';
    expect(html).not.toMatch(/<img|<a |<script/);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(response.emailSubject).toBe('Your password reset code');
  });

  it('flattens a name with line breaks and bounds its length', async () => {
    // Prepare
    const store = await storeWithLogin('en');

    // Act
    const { response } = await customMessage(store)(
      eventFor('CustomMessage_ForgotPassword', {
        given_name: `Ana\r\nBcc: x@y.example ${'a'.repeat(200)}`,
      })
    );

    // Assess
    const greeting = /^<p>(.*?)<\/p>/.exec(response.emailMessage ?? '')?.[1] ?? '';
    expect(greeting).not.toMatch(/[\r\n]/);
    expect(greeting.length).toBeLessThanOrEqual('Hello ,'.length + 60);
  });
});
