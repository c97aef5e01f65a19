/**
 * Security mail about a login's email address, as outbox tasks: written in
 * the same transaction as the change they describe, sent by the outbox
 * function. Always to the person concerned, whatever their preferences.
 */

import { PASSWORD_POLICY } from '../access/user-pool.ts';
import type { Contact } from '../entities/contact.ts';
import type { InviteLoginTask, MailTask } from '../entities/outbox.ts';
import { EMAIL_CHANGE } from '../rules/email-change.ts';

/** `a****@example.com`: enough for the owner to recognise, little for anyone else. */
export const maskEmail = (email: string) => {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(local.length - 1, 1))}@${domain}`;
};

/** The code to the new address, and a heads-up to the current one. */
export const emailChangeRequestedMails = (
  contact: Pick<Contact, 'email'>,
  newAddress: string,
  code: string
): MailTask[] => [
  {
    kind: 'mail',
    to: newAddress,
    subject: 'Confirm your new login email',
    text:
      `Hello,\n\nYour confirmation code is ${code}.\n` +
      `Enter it in the client area within ${EMAIL_CHANGE.validMinutes} minutes to make ` +
      `${newAddress} your login email.\n\nIf you did not ask for this, ignore this message.\n`,
  },
  {
    kind: 'mail',
    to: contact.email,
    subject: 'Your login email is about to change',
    text:
      `Hello,\n\nSomeone asked to change your login email to ${maskEmail(newAddress)}.\n` +
      'Nothing changes until the new address is confirmed. If this was not you, ' +
      'change your password and contact support.\n',
  },
];

/** Sent to the old address once the change is done. */
export const emailChangedMail = (
  contact: Pick<Contact, 'email'>,
  oldAddress: string
): MailTask => ({
  kind: 'mail',
  to: oldAddress,
  subject: 'Your login email has changed',
  text:
    `Hello,\n\nYour login email is now ${maskEmail(contact.email)}.\n` +
    'If this was not you, contact support at once.\n',
});

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
export const invitationText = (task: InviteLoginTask, temporaryPassword: string) => ({
  to: task.email,
  subject: 'Your login to a client area',
  text:
    'Hello,\n\nYou have been invited to the client area of this account:\n\n' +
    `  Account: ${quoted(task.accountName)}\n\n` +
    `Sign in with ${task.email} and this temporary password:\n\n    ${temporaryPassword}\n\n` +
    `It works for ${PASSWORD_POLICY.temporaryPasswordValidityDays} days; you will choose your own password at the first sign-in. ` +
    'Any password set for this login before this message no longer works. ' +
    'Then accept the invitation in your account list; until you do, the login opens nothing there.\n\n' +
    'If you did not expect this, ignore this message.\n',
});

/** The invitation of a login whose owner already holds its password: nothing changes until they accept. */
export const existingLoginInvitationText = (task: InviteLoginTask) => ({
  to: task.email,
  subject: 'An invitation to another client area',
  text:
    'Hello,\n\nYour login has been invited to the client area of this account:\n\n' +
    `  Account: ${quoted(task.accountName)}\n\n` +
    'Sign in as usual and accept or decline it in your account list. ' +
    'Until you accept, that account cannot see or use your login.\n',
});
