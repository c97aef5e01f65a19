/**
 * What each problem type and field code means, for docs/errors.md (written
 * by `npm run openapi`). Documentation only: no Lambda imports this, so the
 * prose stays out of the bundles. The types demand an entry for each.
 */
import type { FieldCode } from './field-errors.ts';
import type { ProblemName } from './problem-types.ts';

interface Guide {
  /** When the API answers it. */
  when: string;
  /** What a client should do. */
  todo: string;
}

export const PROBLEM_GUIDE: Record<ProblemName, Guide> = {
  badRequest: {
    when: 'The request is malformed in a way no more specific type names.',
    todo: 'Fix the request; `detail` says what is wrong.',
  },
  validationFailed: {
    when: 'A body field, query parameter or the body as a whole is invalid, or a field is not allowed.',
    todo: 'Show each entry of `errors` at its `field`, worded from its `code` (see Field codes).',
  },
  invalidJson: {
    when: 'The body is empty or not JSON.',
    todo: 'Send a JSON body.',
  },
  fileNotOfType: {
    when: 'An uploaded file does not begin as its type does (a “PDF” that is not one).',
    todo: 'Send the file itself, not a renamed one.',
  },
  invalidUnsubscribeLink: {
    when: 'The `token` of an unsubscribe link is not one Portico signed: altered, cut short, or of another stage.',
    todo: 'Say the link does not work and offer the email preferences of the client area.',
  },
  unsubscribeLinkGone: {
    when: 'An unsubscribe link expired (60 days after its mail), or its contact or account no longer exists; the two are not told apart.',
    todo: 'Say the link no longer works and offer the email preferences of the client area.',
  },
  invalidCursor: {
    when: 'The `cursor` was not handed out by this list (another list, another account, altered).',
    todo: 'Start the list again without a cursor.',
  },
  invalidIfMatch: {
    when: 'The `If-Match` header is not an ETag this API sent.',
    todo: 'Send the `ETag` of the last read, or leave the header out.',
  },
  invalidIdempotencyKey: {
    when: 'The `Idempotency-Key` header is not 8 to 100 letters, digits and `. _ : -`.',
    todo: 'Send a UUID per user action.',
  },
  unauthorized: {
    when: 'The bearer token is missing, invalid or expired.',
    todo: 'Refresh the tokens or sign in again.',
  },
  accessTokenRequired: {
    when: 'An ID token was sent where an access token belongs.',
    todo: 'Send the access token of the session.',
  },
  staffTokenRequired: {
    when: 'A staff route was called with a token of another client.',
    todo: 'Sign in to the staff console.',
  },
  sessionEnded: {
    when: 'The session began before the login’s password was taken over or its sessions were ended.',
    todo: 'Sign in again with the current password.',
  },
  staffLoginInactive: {
    when: 'The staff login was disabled or removed since its token was issued.',
    todo: 'Sign in again; an operator restores the login if it should act.',
  },
  forbidden: {
    when: 'Refused for a reason no more specific type names.',
    todo: 'Show `detail`.',
  },
  loginSuspended: {
    when: 'The login is suspended on this account.',
    todo: 'Say so and name `grantedBy`, who can restore it.',
  },
  areaNotGranted: {
    when: 'The login lacks the permission area the route needs (`area`).',
    todo: 'Hide what needs `area`; `allowedAreas` lists what the login may open, `grantedBy` whom to ask.',
  },
  primaryOnly: {
    when: 'Only the primary login (the account holder) may do this.',
    todo: 'Hide the action from other logins.',
  },
  selfChangeRefused: {
    when: 'A login tried to change its own permissions, status or support scope, or assign itself as support contact.',
    todo: 'Ask the account holder (`grantedBy`).',
  },
  grantBeyondOwn: {
    when: 'A login tried to grant an area it does not hold itself (`area`).',
    todo: 'Offer only the areas in `allowedAreas`.',
  },
  loginHoldsMore: {
    when: 'The login to change, suspend or remove holds areas the caller does not (`area`).',
    todo: 'Ask the account holder (`grantedBy`).',
  },
  loginReachesMore: {
    when: 'The contact’s support reaches services the caller’s does not.',
    todo: 'Ask the account holder (`grantedBy`).',
  },
  supportScopeTooWide: {
    when: 'A login tried to give a contact a support scope wider than its own.',
    todo: 'Offer scopes up to the caller’s own.',
  },
  serviceOutOfReach: {
    when: 'Support contacts were assigned or reset on a service or domain the caller’s support does not reach.',
    todo: 'Ask the account holder (`grantedBy`).',
  },
  usageOutOfReach: {
    when: 'A login with the support scope `isolated` asked for the usage of a service not assigned to it.',
    todo: 'Show usage of the assigned services only.',
  },
  serviceNotAssigned: {
    when: 'A ticket about a service the login’s isolated support does not cover (`allowedServiceIds`).',
    todo: 'Open the ticket without a service, or about one of `allowedServiceIds`.',
  },
  noSupportAccess: {
    when: 'A ticket about a service, from a login whose support scope is `none`.',
    todo: 'Open the ticket without a service.',
  },
  supportAccessChanged: {
    when: 'The login’s support access changed while the ticket was being opened; nothing was saved.',
    todo: 'Reload the login’s access and try again.',
  },
  notFound: {
    when: 'No such resource, or it is not the caller’s (existence is never revealed), or a malformed id.',
    todo: 'Drop the stale reference; reload the list it came from.',
  },
  noProfile: {
    when: 'The login has no client-area profile yet (no account was ever opened for it).',
    todo: 'Show the sign-up path instead of the client area.',
  },
  methodNotAllowed: {
    when: 'The path exists, but not with this method (`Allow` lists the methods).',
    todo: 'Fix the client.',
  },
  payloadTooLarge: {
    when: 'The body exceeds the size the API takes (for a file, the route’s limit in `detail`).',
    todo: 'Send less.',
  },
  conflict: {
    when: 'A conflict no more specific type names.',
    todo: 'Show `detail`.',
  },
  staleBodyVersion: {
    when: 'The body `version` is not the resource’s version any more.',
    todo: 'Reload, show what changed, and let the person apply the edit again.',
  },
  changedMeanwhile: {
    when: 'Another change to the same data won a race; nothing was written.',
    todo: 'Reload and retry.',
  },
  primaryContactProtected: {
    when: 'The primary contact is edited as My Details only, is never deleted, and its login is the account holder’s.',
    todo: 'Edit it through My Details; hide delete and login changes for it.',
  },
  noSubAccount: {
    when: 'The contact has no login on this account to suspend, resume or change.',
    todo: 'Reload the contact; offer to give it a login instead.',
  },
  invitationPending: {
    when: 'The login was invited and has not accepted yet, so it cannot be resumed.',
    todo: 'Wait for the person, or withdraw the invitation.',
  },
  invitationGone: {
    when: 'The invitation was withdrawn or already answered.',
    todo: 'Reload the login’s invitations.',
  },
  alreadyMember: {
    when: 'The person already has a login on this account.',
    todo: 'Reload the contact.',
  },
  existingLoginPassword: {
    when: 'A password (or an invitation) was sent for a contact that already has a login: its password is the person’s own (`field`).',
    todo: 'Send only the permissions to change them.',
  },
  contactEmailTaken: {
    when: 'Another contact of the account has this email address (one contact per address; `existingContactId` names it).',
    todo: 'Change that contact instead, or use another address.',
  },
  contactEmailIsLogin: {
    when: 'The contact’s email is the address of its login; only the person changes it.',
    todo: 'Remove the login first, or let the person change their own address.',
  },
  ownLoginEmail: {
    when: 'A login tried to change its own login email through a contact route.',
    todo: 'Use `POST /me/email-change`.',
  },
  loginEmailTaken: {
    when: 'Another login already uses this email address.',
    todo: 'Use another address.',
  },
  loginEmailUnproven: {
    when: 'The login’s address was never confirmed by its mailbox, so it cannot move.',
    todo: 'Ask the account that created the login to invite the wanted address.',
  },
  noEmailChangePending: {
    when: 'A code was sent, but no email change waits for confirmation.',
    todo: 'Start the email change again.',
  },
  codeReplaced: {
    when: 'A newer confirmation code replaced the one sent.',
    todo: 'Ask for the code from the latest mail.',
  },
  contractTaken: {
    when: 'A contract number belongs to another account (`contractNumber`).',
    todo: 'Check the number; the operator decides which account holds it.',
  },
  loginTaken: {
    when: 'The login already belongs to another person.',
    todo: 'Use another login.',
  },
  externalIdTaken: {
    when: 'A loaded service or invoice has an external id (number) of another account.',
    todo: 'Fix the source data.',
  },
  serviceTypeFixed: {
    when: 'A load gave a service another type than it has.',
    todo: 'Fix the source data.',
  },
  wrongServiceType: {
    when: 'The service is of a type this route does not serve (IP lists and traffic: serverhousing; calls: VoIP).',
    todo: 'Offer the route for services of that type only.',
  },
  supportScopeNone: {
    when: 'The contact to assign has the support scope `none` (`supportScope`).',
    todo: 'Set its support scope first.',
  },
  contactSupportLimit: {
    when: 'The contact already supports the most services and domains one contact can.',
    todo: 'Reset one first, or give the contact the scope `global`.',
  },
  serviceSupportLimit: {
    when: 'The service or domain already has the most support contacts it can.',
    todo: 'Reset one first.',
  },
  ticketFull: {
    when: 'The ticket holds the most messages one ticket takes.',
    todo: 'Open a new ticket that mentions this one.',
  },
  trafficIpLimit: {
    when: 'A traffic load would give a service more IPs in a month than its totals keep.',
    todo: 'Fix the source data.',
  },
  idempotencyKeyInUse: {
    when: 'The `Idempotency-Key` is in use by a request whose result is not there.',
    todo: 'Retry later with the same key, or send a new key.',
  },
  staleVersion: {
    when: 'The `If-Match` ETag is stale; `currentVersion` and the `ETag` header give the version now (neither when the write lost a race).',
    todo: 'Reload, show what changed, and let the person apply the edit again.',
  },
  unsupportedMediaType: {
    when: 'The body is not sent as `application/json` (or, for a file, as its media type).',
    todo: 'Send `Content-Type: application/json`, or the file’s media type as `detail` names it.',
  },
  unprocessableContent: {
    when: 'Well-formed, but refers to something no more specific type names.',
    todo: 'Show `errors`.',
  },
  unknownReference: {
    when: 'A field names something the account does not have (a ticket about another account’s service, say).',
    todo: 'Show `errors`; reload the list the reference came from.',
  },
  idempotencyKeyReused: {
    when: 'The `Idempotency-Key` was used for a different request.',
    todo: 'Send a new key for a new request.',
  },
  uploadUnknown: {
    when: 'An `attachments` entry names no upload of this login on this account: never declared, declared by another login or account, or declared more than a day ago.',
    todo: 'Show `errors`; upload the file again and send its new id.',
  },
  uploadUsed: {
    when: 'An `attachments` entry names an upload another message already took (an upload is attached once).',
    todo: 'Upload the file again for this message.',
  },
  uploadMissing: {
    when: 'An `attachments` entry names an upload whose file was never PUT to its `upload.url`.',
    todo: 'PUT the file to the upload link first (or declare it again if the link expired), then send the message.',
  },
  uploadMismatch: {
    when: 'The file stored for an upload is not what was declared: another size, or its first bytes are not those of its type.',
    todo: 'Declare the file as it is (its exact size and real type) and upload it again.',
  },
  rateLimited: {
    when: 'Over a route’s own limit (tickets per hour, mails, account requests).',
    todo: 'Wait `retryAfterSeconds` (also `Retry-After`) before offering to try again.',
  },
  internalError: {
    when: 'Something failed on the API’s side; the detail says no more.',
    todo: 'Retry later; report it if it persists.',
  },
  attachmentsUnavailable: {
    when: 'The stage keeps no attachment files (no mail bucket is configured), so no upload can be declared.',
    todo: 'Send the message without files, and tell the operators.',
  },
};

export const FIELD_CODE_GUIDE: Record<FieldCode, string> = {
  required: 'The field is missing (or empty where a value is needed).',
  invalid_type: 'The value is of the wrong JSON type.',
  unknown_field: 'The field is not part of the request.',
  too_short: 'Text shorter than `minimum` characters (blank counts as empty).',
  too_long: 'Text longer than `maximum` characters.',
  too_few: 'A list of fewer than `minimum` items.',
  too_many: 'A list (or a span of months) of more than `maximum` items.',
  too_small: 'A number below `minimum` (or not above 0, then without `minimum`).',
  too_big: 'A number above `maximum`.',
  not_integer: 'Not a whole number.',
  pattern: 'Text not of the field’s shape (the document gives its pattern).',
  control_characters:
    'Line breaks, tabs, control or text-direction characters where plain text belongs.',
  invalid_email: 'Not an email address.',
  invalid_ip: 'Not an IPv4 or IPv6 address.',
  invalid_date: 'Not a date or date-time as the field takes it, or no such day.',
  invalid_country: 'Not an ISO 3166-1 alpha-2 country code.',
  invalid_domain: 'Not a domain name.',
  not_allowed: 'Not one of the values in `allowed`.',
  duplicate: 'The item is listed twice.',
  either_or: 'Send exactly one of two fields (the message names them).',
  not_combinable: 'Values that cannot be asked for together; the message says which can.',
  not_applicable: 'The field does not apply to this kind of item.',
  no_change: 'A change that changes nothing: send at least one field.',
  date_order: 'A start after its end.',
  amount_digits: 'An amount with more decimals than its currency has (two for EUR, none for JPY).',
  sum_mismatch:
    'An amount that is not the sum the message names (a line’s net plus tax, the lines’ net).',
  code_incorrect: 'The confirmation code is wrong; the message says how many attempts are left.',
  code_expired: 'The confirmation code expired or was tried too often: ask for a new one.',
  weak_password: 'The password does not meet the policy; the message says what it lacks.',
  unknown_reference: 'The id names nothing of this account.',
  already_used: 'The value was used for another request.',
  not_uploaded: 'The file of this upload was never stored: PUT it to its upload link first.',
  file_mismatch: 'The stored file differs from what was declared (size or type).',
  invalid: 'Invalid for a reason no other code names; show the message.',
};
