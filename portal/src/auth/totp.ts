/**
 * How the staff console hands Cognito's TOTP secret to an authenticator app:
 * an `otpauth://` link (Google's Key URI format, which the apps open or turn
 * into a QR code) and the secret itself in groups of four, for typing.
 */

export const TOTP_ISSUER = 'Portico';

export const otpauthLink = (secret: string, account: string): string =>
  `otpauth://totp/${TOTP_ISSUER}:${encodeURIComponent(account)}?secret=${encodeURIComponent(secret)}&issuer=${TOTP_ISSUER}`;

export const groupedSecret = (secret: string): string =>
  (secret.replace(/\s/g, '').match(/.{1,4}/g) ?? []).join(' ');
