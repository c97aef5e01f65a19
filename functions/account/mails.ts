/**
 * Security mail about a login's email address. Always sent to the person
 * concerned, whatever their email preferences.
 */

import { EMAIL_CHANGE } from '#core/email-change';
import type { Contact } from '#core/entities/contact';
import { maskEmail, sendSecurityMail } from '#core/mail';

/** The code to the new address, and a heads-up to the current one. */
export const mailEmailChangeCode = async (contact: Contact, newAddress: string, code: string) => {
  await sendSecurityMail({
    to: newAddress,
    subject: 'Confirm your new login email',
    text:
      `Hello ${contact.firstName},\n\nYour confirmation code is ${code}.\n` +
      `Enter it in the client area within ${EMAIL_CHANGE.validMinutes} minutes to make ` +
      `${newAddress} your login email.\n\nIf you did not ask for this, ignore this message.\n`,
  });
  await sendSecurityMail({
    to: contact.email,
    subject: 'Your login email is about to change',
    text:
      `Hello ${contact.firstName},\n\nSomeone asked to change your login email to ${maskEmail(newAddress)}.\n` +
      'Nothing changes until the new address is confirmed. If this was not you, ' +
      'change your password and contact support.\n',
  });
};

/** Sent to the old address once the change is done. */
export const mailEmailChanged = async (contact: Contact, oldAddress: string) => {
  await sendSecurityMail({
    to: oldAddress,
    subject: 'Your login email has changed',
    text:
      `Hello ${contact.firstName},\n\nYour login email is now ${maskEmail(contact.email)}.\n` +
      'If this was not you, contact support at once.\n',
  });
};
