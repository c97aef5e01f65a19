/**
 * What SES reported of a contact's address: a permanent bounce or a
 * complaint. It belongs to the address it was reported for, so it stops
 * showing (and is dropped at the next write) once the contact's email is
 * another one.
 */
export const EMAIL_STATUSES = ['bounced', 'complained'] as const;
export type EmailStatusValue = (typeof EMAIL_STATUSES)[number];

export interface ContactEmailStatus {
  status: EmailStatusValue;
  /** When SES reported it (ISO 8601, UTC). */
  at: string;
  /** The address it was reported for, normalised. */
  address: string;
}

const normalised = (email: string) => email.trim().toLowerCase();

/** The status while it still concerns `email`, else none. */
export const currentEmailStatus = (
  status: ContactEmailStatus | undefined,
  email: string
): ContactEmailStatus | undefined =>
  status && normalised(status.address) === normalised(email) ? status : undefined;
