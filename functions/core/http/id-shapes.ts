/**
 * The shapes of the ids the API takes: the ones it hands out (UUIDs,
 * ticket ULIDs) and the ones operators' systems use (external ids, invoice
 * numbers). Plain patterns, no zod: the authorizer checks every path id
 * with them before anything reads the table, on every request, before any
 * request schema is loaded. The request schemas and the OpenAPI document
 * use the same patterns.
 */
import { EXTERNAL_KINDS } from '../entities/external-id.ts';
import { SORTABLE_ID_PATTERN } from '../platform/ids.ts';

/** Ids this API hands out: UUIDs today, kept opaque (letters, digits and `. _ : -`). */
export const OPAQUE_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;
export const OPAQUE_ID_MAX = 100;

/** Operators' ids (accounts, services, usage records). */
export const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;
export const EXTERNAL_ID_MAX = 100;

export const INVOICE_NUMBER_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const INVOICE_NUMBER_MAX = 64;

export interface IdShape {
  pattern: RegExp;
  maxLength: number;
  description: string;
  /** The 404's detail, as the route says it of a well-formed id that names nothing. */
  missing: string;
  /** The only values there are (the document lists them as an enum). */
  values?: readonly string[];
}

const opaque = (description: string, missing: string): IdShape => ({
  pattern: OPAQUE_ID_PATTERN,
  maxLength: OPAQUE_ID_MAX,
  description,
  missing,
});

/** Every path parameter of the route table (a unit test holds the table to it). */
export const PATH_PARAMETERS: Record<string, IdShape> = {
  accountId: opaque('The account’s id (as GET /me lists it).', 'The account does not exist.'),
  contactId: opaque('A contact’s id.', 'The contact does not exist.'),
  serviceId: opaque('A service’s id.', 'The service does not exist.'),
  domainId: opaque('A domain’s id.', 'The domain does not exist.'),
  ticketId: {
    pattern: SORTABLE_ID_PATTERN,
    maxLength: 26,
    description: 'A ticket’s id (26 characters, time-sortable).',
    missing: 'The ticket does not exist.',
  },
  noticeId: {
    pattern: SORTABLE_ID_PATTERN,
    maxLength: 26,
    description: 'A staff notice’s id (26 characters, time-sortable).',
    missing: 'No notice has this id.',
  },
  invoiceNumber: {
    pattern: INVOICE_NUMBER_PATTERN,
    maxLength: INVOICE_NUMBER_MAX,
    description: 'The invoice number.',
    missing: 'The invoice does not exist.',
  },
  kind: {
    pattern: new RegExp(`^(?:${EXTERNAL_KINDS.join('|')})$`),
    maxLength: Math.max(...EXTERNAL_KINDS.map((kind) => kind.length)),
    description: 'What the external id names.',
    missing: `Use one of ${EXTERNAL_KINDS.join(', ')} as the kind.`,
    values: EXTERNAL_KINDS,
  },
  externalId: {
    pattern: EXTERNAL_ID_PATTERN,
    maxLength: EXTERNAL_ID_MAX,
    description: 'The operators’ id (or, for `invoice`, the invoice number).',
    missing: 'Nothing has that external id.',
  },
};

/**
 * The first path parameter whose id does not have its shape, if any. Such
 * an id cannot name anything of ours, and in a key it could pass
 * DynamoDB's key size limits (an error, not a miss). A parameter missing
 * from the table gets the opaque shape.
 */
export const malformedPathId = (params: Record<string, string | undefined>): string | undefined =>
  Object.entries(params).find(
    ([name, value]) =>
      value !== undefined && !(PATH_PARAMETERS[name]?.pattern ?? OPAQUE_ID_PATTERN).test(value)
  )?.[0];
