/**
 * Security mail about a login's email address, as outbox tasks: written in
 * the same transaction as the change they describe, sent by the outbox
 * function. Always to the person concerned, whatever their preferences.
 */

import { EMAIL_CHANGE } from './email-change.ts';
import type { Contact } from './entities/contact.ts';
import type { InviteLoginTask, MailTask } from './entities/outbox.ts';
import { PASSWORD_POLICY } from './user-pool.ts';

/** `a****@example.com`: enough for the owner to recognise, little for anyone else. */
export const maskEmail = (email: string) => {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(local.length - 1, 1))}@${domain}`;
};

/** The code to the new address, and a heads-up to the current one. */
export const emailChangeRequestedMails = (
  contact: Contact,
  newAddress: string,
  code: string
): MailTask[] => [
  {
    kind: 'mail',
    to: newAddress,
    subject: 'Confirm your new login email',
    text:
      `Hello ${contact.firstName},\n\nYour confirmation code is ${code}.\n` +
      `Enter it in the client area within ${EMAIL_CHANGE.validMinutes} minutes to make ` +
      `${newAddress} your login email.\n\nIf you did not ask for this, ignore this message.\n`,
  },
  {
    kind: 'mail',
    to: contact.email,
    subject: 'Your login email is about to change',
    text:
      `Hello ${contact.firstName},\n\nSomeone asked to change your login email to ${maskEmail(newAddress)}.\n` +
      'Nothing changes until the new address is confirmed. If this was not you, ' +
      'change your password and contact support.\n',
  },
];

/** Sent to the old address once the change is done. */
export const emailChangedMail = (contact: Contact, oldAddress: string): MailTask => ({
  kind: 'mail',
  to: oldAddress,
  subject: 'Your login email has changed',
  text:
    `Hello ${contact.firstName},\n\nYour login email is now ${maskEmail(contact.email)}.\n` +
    'If this was not you, contact support at once.\n',
});

/** Told to a person whose existing login now opens another account. */
export const accessGrantedMail = (contact: Contact, accountName: string): MailTask => ({
  kind: 'mail',
  to: contact.email,
  subject: `You now have access to ${accountName}`,
  text:
    `Hello ${contact.firstName},\n\nYour existing login now also opens the client area of ${accountName}.\n` +
    'Sign in as usual and pick the account from your account list.\n',
});

/** The invitation of a new login, with the temporary password the outbox just set. */
export const invitationText = (task: InviteLoginTask, temporaryPassword: string) => ({
  to: task.email,
  subject: `Your login to the ${task.accountName} client area`,
  text:
    `Hello ${task.firstName},\n\nYou now have a login to the client area of ${task.accountName}.\n` +
    `Sign in with ${task.email} and this temporary password:\n\n    ${temporaryPassword}\n\n` +
    `It works for ${PASSWORD_POLICY.temporaryPasswordValidityDays} days; you will choose your own password at the first sign-in.\n`,
});
