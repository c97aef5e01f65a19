/**
 * The user pools' settings (client pool for portal logins, staff pool for
 * operators and helpdesk), shared by the CDK stack and the local stack so
 * both create the same pools. Pure data.
 */
export const PASSWORD_POLICY = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 3,
} as const;

/**
 * Flows the local pools' app clients allow: USER_PASSWORD, as the emulator has
 * no SRP. Deployed stages name theirs in cdk.json (`userPool.authFlows`).
 */
export const CLIENT_AUTH_FLOWS = {
  userPassword: true,
  userSrp: true,
} as const;

export const TOKEN_VALIDITY_MINUTES = {
  access: 60,
  id: 60,
  refreshDays: 30,
} as const;

/** Standard attributes every login carries. */
export const LOGIN_ATTRIBUTES = {
  email: { required: true, mutable: true },
  givenName: { required: false, mutable: true },
  familyName: { required: false, mutable: true },
} as const;

/**
 * Staff sign in with a username (by convention their work email address), so
 * the access token's `username` claim names a person in AWS as it does
 * locally; with email as the username attribute AWS would put a UUID there.
 */
export const STAFF_LOGIN_ATTRIBUTES = LOGIN_ATTRIBUTES;

/**
 * Staff logins act on every account, so a second factor is required: TOTP
 * only (an authenticator app). SMS is off: it costs per message, can be
 * redirected by SIM swapping and needs an SNS role.
 */
export const STAFF_MFA = {
  required: true,
  totp: true,
  sms: false,
} as const;

/** Shorter refresh than the portal: a privileged session re-authenticates with MFA daily. */
export const STAFF_TOKEN_VALIDITY_MINUTES = {
  access: 60,
  id: 60,
  refreshDays: 1,
} as const;
