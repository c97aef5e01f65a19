/**
 * Every distinct failure the API answers, each with a stable problem `type`
 * (`https://portico.example/problems/<slug>`), its status and its title.
 * Portals branch and localise on the type, never on `detail`. Each error
 * class of errors.ts takes only entries of its own status. What each type
 * means and what a client should do is told in problem-guide.ts (docs only,
 * kept out of the Lambda bundles).
 */

export interface ProblemType<Status extends number = number> {
  readonly slug: string;
  readonly status: Status;
  readonly title: string;
}

const entry = <Status extends number>(
  status: Status,
  slug: string,
  title: string
): ProblemType<Status> => ({ status, slug, title });

export const PROBLEM_TYPE_BASE = 'https://portico.example/problems/';

export const problemTypeUri = (problem: Pick<ProblemType, 'slug'>) =>
  `${PROBLEM_TYPE_BASE}${problem.slug}`;

export const PROBLEM = {
  // 400
  badRequest: entry(400, 'bad-request', 'Bad request'),
  validationFailed: entry(400, 'validation-failed', 'Validation failed'),
  invalidJson: entry(400, 'invalid-json', 'Invalid JSON'),
  invalidCursor: entry(400, 'invalid-cursor', 'Invalid cursor'),
  invalidIfMatch: entry(400, 'invalid-if-match', 'Invalid If-Match'),
  invalidIdempotencyKey: entry(400, 'invalid-idempotency-key', 'Invalid Idempotency-Key'),
  fileNotOfType: entry(400, 'file-not-of-type', 'File not of its type'),
  invalidUnsubscribeLink: entry(400, 'invalid-unsubscribe-link', 'Invalid unsubscribe link'),
  // 401
  unauthorized: entry(401, 'unauthorized', 'Unauthorized'),
  accessTokenRequired: entry(401, 'access-token-required', 'Access token required'),
  staffTokenRequired: entry(401, 'staff-token-required', 'Staff token required'),
  sessionEnded: entry(401, 'session-ended', 'Session ended'),
  staffLoginInactive: entry(401, 'staff-login-inactive', 'Staff login inactive'),
  // 403
  forbidden: entry(403, 'forbidden', 'Forbidden'),
  loginSuspended: entry(403, 'login-suspended', 'Login suspended'),
  areaNotGranted: entry(403, 'area-not-granted', 'Area not granted'),
  primaryOnly: entry(403, 'primary-only', 'Primary login only'),
  selfChangeRefused: entry(403, 'self-change-refused', 'Self change refused'),
  grantBeyondOwn: entry(403, 'grant-beyond-own', 'Grant beyond own areas'),
  loginHoldsMore: entry(403, 'login-holds-more', 'Login holds more'),
  loginReachesMore: entry(403, 'login-reaches-more', 'Login reaches more'),
  supportScopeTooWide: entry(403, 'support-scope-too-wide', 'Support scope too wide'),
  serviceOutOfReach: entry(403, 'service-out-of-reach', 'Service out of reach'),
  usageOutOfReach: entry(403, 'usage-out-of-reach', 'Usage out of reach'),
  serviceNotAssigned: entry(403, 'service-not-assigned', 'Service not assigned'),
  noSupportAccess: entry(403, 'no-support-access', 'No support access'),
  supportAccessChanged: entry(403, 'support-access-changed', 'Support access changed'),
  // 404
  notFound: entry(404, 'not-found', 'Not found'),
  noProfile: entry(404, 'no-profile', 'No profile'),
  // 405, 413: the gateway's own answers
  methodNotAllowed: entry(405, 'method-not-allowed', 'Method not allowed'),
  payloadTooLarge: entry(413, 'payload-too-large', 'Payload too large'),
  // 409
  conflict: entry(409, 'conflict', 'Conflict'),
  staleBodyVersion: entry(409, 'stale-body-version', 'Stale version'),
  changedMeanwhile: entry(409, 'changed-meanwhile', 'Changed meanwhile'),
  primaryContactProtected: entry(409, 'primary-contact-protected', 'Primary contact protected'),
  noSubAccount: entry(409, 'no-sub-account', 'No sub-account'),
  invitationPending: entry(409, 'invitation-pending', 'Invitation pending'),
  invitationGone: entry(409, 'invitation-gone', 'Invitation gone'),
  alreadyMember: entry(409, 'already-member', 'Already a member'),
  existingLoginPassword: entry(409, 'existing-login-password', 'Password of an existing login'),
  contactEmailTaken: entry(409, 'contact-email-taken', 'Contact email taken'),
  contactEmailIsLogin: entry(409, 'contact-email-is-login', 'Contact email is a login'),
  ownLoginEmail: entry(409, 'own-login-email', 'Own login email'),
  loginEmailTaken: entry(409, 'login-email-taken', 'Login email taken'),
  loginEmailUnproven: entry(409, 'login-email-unproven', 'Login email unproven'),
  noEmailChangePending: entry(409, 'no-email-change-pending', 'No email change pending'),
  codeReplaced: entry(409, 'code-replaced', 'Code replaced'),
  contractTaken: entry(409, 'contract-taken', 'Contract taken'),
  loginTaken: entry(409, 'login-taken', 'Login taken'),
  externalIdTaken: entry(409, 'external-id-taken', 'External id taken'),
  serviceTypeFixed: entry(409, 'service-type-fixed', 'Service type fixed'),
  wrongServiceType: entry(409, 'wrong-service-type', 'Wrong service type'),
  supportScopeNone: entry(409, 'support-scope-none', 'Support scope none'),
  contactSupportLimit: entry(409, 'contact-support-limit', 'Contact support limit'),
  serviceSupportLimit: entry(409, 'service-support-limit', 'Service support limit'),
  ticketFull: entry(409, 'ticket-full', 'Ticket full'),
  trafficIpLimit: entry(409, 'traffic-ip-limit', 'Traffic IP limit'),
  idempotencyKeyInUse: entry(409, 'idempotency-key-in-use', 'Idempotency-Key in use'),
  // 410
  unsubscribeLinkGone: entry(410, 'unsubscribe-link-gone', 'Unsubscribe link gone'),
  // 412
  staleVersion: entry(412, 'stale-version', 'Precondition failed'),
  // 415
  unsupportedMediaType: entry(415, 'unsupported-media-type', 'Unsupported media type'),
  // 422
  unprocessableContent: entry(422, 'unprocessable-content', 'Unprocessable content'),
  unknownReference: entry(422, 'unknown-reference', 'Unknown reference'),
  idempotencyKeyReused: entry(422, 'idempotency-key-reused', 'Idempotency-Key reused'),
  uploadUnknown: entry(422, 'upload-unknown', 'Unknown upload'),
  uploadUsed: entry(422, 'upload-used', 'Upload already used'),
  uploadMissing: entry(422, 'upload-missing', 'Upload not received'),
  uploadMismatch: entry(422, 'upload-mismatch', 'Upload does not match'),
  // 429
  rateLimited: entry(429, 'rate-limited', 'Too many requests'),
  // 500
  internalError: entry(500, 'internal-error', 'Internal error'),
  // 503
  attachmentsUnavailable: entry(503, 'attachments-unavailable', 'Attachments unavailable'),
} as const;

export type ProblemName = keyof typeof PROBLEM;

/** The generic type of each status, for errors that name no entry (a library's HttpError). */
export const genericProblemOf = (status: number): ProblemType => {
  for (const problem of Object.values(PROBLEM) as ProblemType[]) {
    if (problem.status === status) return problem;
  }
  return PROBLEM.badRequest;
};
