/** Mail about sub-account logins, always to the person concerned. */
import type { Contact } from '#core/entities/contact';
import type { MailTask } from '#core/entities/outbox';
import { sendMail } from '#core/mail';
import { PASSWORD_POLICY } from '#core/user-pool';

/**
 * Sent at once, not through the outbox: it carries a temporary password,
 * which is never written to the table.
 */
export const invitationMail = async (
  contact: Contact,
  accountName: string,
  temporaryPassword: string
) => {
  await sendMail({
    to: contact.email,
    subject: `Your login to the ${accountName} client area`,
    text:
      `Hello ${contact.firstName},\n\nYou now have a login to the client area of ${accountName}.\n` +
      `Sign in with ${contact.email} and this temporary password:\n\n    ${temporaryPassword}\n\n` +
      `It works for ${PASSWORD_POLICY.temporaryPasswordValidityDays} days; you will choose your own password at the first sign-in.\n`,
  });
};

export const accessGrantedMail = (contact: Contact, accountName: string): MailTask => ({
  kind: 'mail',
  to: contact.email,
  subject: `You now have access to ${accountName}`,
  text:
    `Hello ${contact.firstName},\n\nYour existing login now also opens the client area of ${accountName}.\n` +
    'Sign in as usual and pick the account from your account list.\n',
});
