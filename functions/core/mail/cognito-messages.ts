/**
 * Portico's wording of the mail Cognito sends itself: the password reset
 * code, the temporary password of a login an operator created, and the code
 * that verifies an email address. Cognito puts the code (and the username)
 * where the event's placeholders stand, after this text is written; a name
 * from the user's attributes enters flattened and HTML-escaped.
 */
import { PASSWORD_POLICY } from '../access/user-pool.ts';
import type { ContactLanguage } from '../entities/contact.ts';
import { escapeHtml } from './html.ts';
import { oneLine } from './security-mail.ts';

/** The trigger sources Portico words; any other keeps Cognito's own message. */
export const WORDED_SOURCES = [
  'CustomMessage_ForgotPassword',
  'CustomMessage_AdminCreateUser',
  'CustomMessage_UpdateUserAttribute',
  'CustomMessage_VerifyUserAttribute',
] as const;
export type WordedSource = (typeof WORDED_SOURCES)[number];

export const isWordedSource = (source: string): source is WordedSource =>
  (WORDED_SOURCES as readonly string[]).includes(source);

export interface CognitoMessageInput {
  source: WordedSource;
  language: ContactLanguage;
  /** Where Cognito puts the code (`{####}`). */
  codeParameter: string;
  /** Where Cognito puts the username (`{username}`); the invitation must name it. */
  usernameParameter?: string;
  /** The user's `given_name`, when set. */
  givenName?: string;
}

export interface CognitoMessage {
  emailSubject: string;
  emailMessage: string;
}

interface Texts {
  hello: (name: string | undefined) => string;
  subject: Record<WordedSource, string>;
  /** Paragraphs before and after the code; `code` and `username` are HTML already. */
  body: Record<WordedSource, (slots: { code: string; username: string }) => string[]>;
}

const { temporaryPasswordValidityDays: days } = PASSWORD_POLICY;

const TEXTS: Record<ContactLanguage, Texts> = {
  en: {
    hello: (name) => (name ? `Hello ${name},` : 'Hello,'),
    subject: {
      CustomMessage_ForgotPassword: 'Your password reset code',
      CustomMessage_AdminCreateUser: 'Your new login',
      CustomMessage_UpdateUserAttribute: 'Confirm your new email address',
      CustomMessage_VerifyUserAttribute: 'Confirm your email address',
    },
    body: {
      CustomMessage_ForgotPassword: ({ code }) => [
        'Someone asked to reset the password of your login. Your code is:',
        code,
        'Enter it where you asked for the reset and choose a new password; it works for one hour.',
        'If this was not you, ignore this message: your password stays as it is.',
      ],
      CustomMessage_AdminCreateUser: ({ code, username }) => [
        'A login has been created for you.',
        `Username: ${username}<br>Temporary password: ${code}`,
        `The temporary password works for ${days} days; you will choose your own password at the first sign-in.`,
        'If you did not expect this, ignore this message.',
      ],
      CustomMessage_UpdateUserAttribute: ({ code }) => [
        'To make this address the email of your login, enter this code:',
        code,
        'If you did not change your login email, change your password and contact support.',
      ],
      CustomMessage_VerifyUserAttribute: ({ code }) => [
        'To confirm this address for your login, enter this code:',
        code,
        'If you did not ask for this, ignore this message.',
      ],
    },
  },
  es: {
    hello: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
    subject: {
      CustomMessage_ForgotPassword: 'Su código para restablecer la contraseña',
      CustomMessage_AdminCreateUser: 'Su nuevo acceso',
      CustomMessage_UpdateUserAttribute: 'Confirme su nueva dirección de correo',
      CustomMessage_VerifyUserAttribute: 'Confirme su dirección de correo',
    },
    body: {
      CustomMessage_ForgotPassword: ({ code }) => [
        'Alguien ha pedido restablecer la contraseña de su acceso. Su código es:',
        code,
        'Introdúzcalo donde pidió el cambio y elija una contraseña nueva; sirve durante una hora.',
        'Si no fue usted, ignore este mensaje: su contraseña no cambia.',
      ],
      CustomMessage_AdminCreateUser: ({ code, username }) => [
        'Se ha creado un acceso para usted.',
        `Usuario: ${username}<br>Contraseña temporal: ${code}`,
        `La contraseña temporal sirve durante ${days} días; elegirá su propia contraseña al iniciar sesión por primera vez.`,
        'Si no esperaba este mensaje, ignórelo.',
      ],
      CustomMessage_UpdateUserAttribute: ({ code }) => [
        'Para que esta dirección sea el correo de su acceso, introduzca este código:',
        code,
        'Si usted no ha cambiado el correo de su acceso, cambie su contraseña y contacte con soporte.',
      ],
      CustomMessage_VerifyUserAttribute: ({ code }) => [
        'Para confirmar esta dirección para su acceso, introduzca este código:',
        code,
        'Si no lo ha pedido usted, ignore este mensaje.',
      ],
    },
  },
};

const NAME_MAX = 60;

export const cognitoMessage = (input: CognitoMessageInput): CognitoMessage => {
  const texts = TEXTS[input.language];
  const name = input.givenName ? oneLine(input.givenName, NAME_MAX) : '';
  const code = `<strong>${input.codeParameter}</strong>`;
  const username = `<strong>${input.usernameParameter ?? ''}</strong>`;
  const paragraphs = [
    escapeHtml(texts.hello(name || undefined)),
    ...texts.body[input.source]({ code, username }),
  ];
  return {
    emailSubject: texts.subject[input.source],
    emailMessage: paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n'),
  };
};
