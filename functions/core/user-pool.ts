/**
 * The client user pool's settings, shared by the CDK stack and the local
 * stack so both create the same pool. Pure data.
 */
export const PASSWORD_POLICY = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 3,
} as const;

/** Flows the portal's app client may use. SRP for AWS, USER_PASSWORD for the emulator and tests. */
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
