/**
 * Security mail about a login's email address, as outbox tasks: written in
 * the same transaction as the change they describe, sent by the outbox
 * function. Always to the person concerned, whatever their preferences.
 */

import { EMAIL_CHANGE } from './email-change.ts';
import type { Contact } from './entities/contact.ts';
import type { MailTask } from './entities/outbox.ts';

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
