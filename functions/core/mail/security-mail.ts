/**
 * Security mail about a login's email address, as outbox tasks: written in
 * the same transaction as the change they describe, sent by the outbox
 * function. Always to the person concerned, whatever their preferences, in
 * their language (the contact's or login's `language`; English by default).
 */

import { PASSWORD_POLICY } from '../access/user-pool.ts';
import type { ContactLanguage } from '../entities/contact.ts';
import type { InviteLoginTask, MailTask } from '../entities/outbox.ts';
import { EMAIL_CHANGE } from '../rules/email-change.ts';

/** `a****@example.com`: enough for the owner to recognise, little for anyone else. */
export const maskEmail = (email: string) => {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(local.length - 1, 1))}@${domain}`;
};

/** Whom a security mail is about: their address and the language they read. */
export interface MailPerson {
  email: string;
  /** Absent on tasks written before mail had a language: English. */
  language?: ContactLanguage | undefined;
}

interface SecurityTexts {
  codeSubject: string;
  code: (code: string, minutes: number, newAddress: string) => string;
  headsUpSubject: string;
  headsUp: (masked: string) => string;
  changedSubject: string;
  changed: (masked: string) => string;
  invitationSubject: string;
  invitation: (account: string, email: string, password: string, days: number) => string;
  existingSubject: string;
  existing: (account: string) => string;
}

const TEXTS: Record<ContactLanguage, SecurityTexts> = {
  en: {
    codeSubject: 'Confirm your new login email',
    code: (code, minutes, newAddress) =>
      `Hello,\n\nYour confirmation code is ${code}.\n` +
      `Enter it in the client area within ${minutes} minutes to make ` +
      `${newAddress} your login email.\n\nIf you did not ask for this, ignore this message.\n`,
    headsUpSubject: 'Your login email is about to change',
    headsUp: (masked) =>
      `Hello,\n\nSomeone asked to change your login email to ${masked}.\n` +
      'Nothing changes until the new address is confirmed. If this was not you, ' +
      'change your password and contact support.\n',
    changedSubject: 'Your login email has changed',
    changed: (masked) =>
      `Hello,\n\nYour login email is now ${masked}.\n` +
      'If this was not you, contact support at once.\n',
    invitationSubject: 'Your login to a client area',
    invitation: (account, email, password, days) =>
      'Hello,\n\nYou have been invited to the client area of this account:\n\n' +
      `  Account: ${account}\n\n` +
      `Sign in with ${email} and this temporary password:\n\n    ${password}\n\n` +
      `It works for ${days} days; you will choose your own password at the first sign-in. ` +
      'Any password set for this login before this message no longer works. ' +
      'Then accept the invitation in your account list; until you do, the login opens nothing there.\n\n' +
      'If you did not expect this, ignore this message.\n',
    existingSubject: 'An invitation to another client area',
    existing: (account) =>
      'Hello,\n\nYour login has been invited to the client area of this account:\n\n' +
      `  Account: ${account}\n\n` +
      'Sign in as usual and accept or decline it in your account list. ' +
      'Until you accept, that account cannot see or use your login.\n',
  },
  es: {
    codeSubject: 'Confirme el nuevo correo de su acceso',
    code: (code, minutes, newAddress) =>
      `Hola:\n\nSu código de confirmación es ${code}.\n` +
      `Introdúzcalo en el área de clientes en los próximos ${minutes} minutos para que ` +
      `${newAddress} sea el correo de su acceso.\n\nSi no lo ha pedido usted, ignore este mensaje.\n`,
    headsUpSubject: 'El correo de su acceso va a cambiar',
    headsUp: (masked) =>
      `Hola:\n\nAlguien ha pedido cambiar el correo de su acceso a ${masked}.\n` +
      'Nada cambia hasta que se confirme la nueva dirección. Si no fue usted, ' +
      'cambie su contraseña y contacte con soporte.\n',
    changedSubject: 'El correo de su acceso ha cambiado',
    changed: (masked) =>
      `Hola:\n\nEl correo de su acceso es ahora ${masked}.\n` +
      'Si no fue usted, contacte con soporte de inmediato.\n',
    invitationSubject: 'Su acceso a un área de clientes',
    invitation: (account, email, password, days) =>
      'Hola:\n\nLe han invitado al área de clientes de esta cuenta:\n\n' +
      `  Cuenta: ${account}\n\n` +
      `Inicie sesión con ${email} y esta contraseña temporal:\n\n    ${password}\n\n` +
      `Sirve durante ${days} días; elegirá su propia contraseña al iniciar sesión por primera vez. ` +
      'Cualquier contraseña puesta a este acceso antes de este mensaje ya no sirve. ' +
      'Después acepte la invitación en su lista de cuentas; hasta entonces, el acceso no abre nada allí.\n\n' +
      'Si no esperaba este mensaje, ignórelo.\n',
    existingSubject: 'Una invitación a otra área de clientes',
    existing: (account) =>
      'Hola:\n\nSu acceso ha sido invitado al área de clientes de esta cuenta:\n\n' +
      `  Cuenta: ${account}\n\n` +
      'Inicie sesión como siempre y acéptela o recházela en su lista de cuentas. ' +
      'Hasta que la acepte, esa cuenta no puede ver ni usar su acceso.\n',
  },
};

const textsFor = (language: ContactLanguage | undefined) => TEXTS[language ?? 'en'];

/** The code to the new address, and a heads-up to the current one, in the person's language. */
export const emailChangeRequestedMails = (
  person: MailPerson,
  newAddress: string,
  code: string
): MailTask[] => {
  const texts = textsFor(person.language);
  return [
    {
      kind: 'mail',
      to: newAddress,
      subject: texts.codeSubject,
      text: texts.code(code, EMAIL_CHANGE.validMinutes, newAddress),
    },
    {
      kind: 'mail',
      to: person.email,
      subject: texts.headsUpSubject,
      text: texts.headsUp(maskEmail(newAddress)),
    },
  ];
};

/** Sent to the old address once the change is done; `person` holds the new one. */
export const emailChangedMail = (person: MailPerson, oldAddress: string): MailTask => {
  const texts = textsFor(person.language);
  return {
    kind: 'mail',
    to: oldAddress,
    subject: texts.changedSubject,
    text: texts.changed(maskEmail(person.email)),
  };
};

/**
 * Text a customer typed (names, account names) enters mail only as quoted
 * data on a line of its own, never inside a sentence of ours: control and
 * layout characters go, the length is bounded, and quotes mark where it
 * starts and ends.
 */
export const quoted = (value: string, max = 100) => `\u201c${oneLine(value, max)}\u201d`;

/** Customer text flattened to one bounded line: no control or layout characters. */
export const oneLine = (value: string, max = 100) => {
  const flat = value
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat;
};

/** The invitation of a login Portico just gave a fresh temporary password (never stored). */
export const invitationText = (task: InviteLoginTask, temporaryPassword: string) => {
  const texts = textsFor(task.language);
  return {
    to: task.email,
    subject: texts.invitationSubject,
    text: texts.invitation(
      quoted(task.accountName),
      task.email,
      temporaryPassword,
      PASSWORD_POLICY.temporaryPasswordValidityDays
    ),
  };
};

/** The invitation of a login whose owner already holds its password: nothing changes until they accept. */
export const existingLoginInvitationText = (task: InviteLoginTask) => {
  const texts = textsFor(task.language);
  return {
    to: task.email,
    subject: texts.existingSubject,
    text: texts.existing(quoted(task.accountName)),
  };
};
