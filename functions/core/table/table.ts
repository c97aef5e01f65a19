/**
 * The single table's shape: attribute names, indexes and key prefixes.
 * Pure data with no side effects, so the CDK stack (lib/), the local stack
 * (local/) and the entity modules all derive from this one definition.
 */

export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  indexes: {
    /** Generic secondary index; entities map their access patterns onto it. */
    gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /**
     * Second generic index: the helpdesk queue of tickets (per turn, across
     * accounts) and an account's contacts by name.
     */
    gsi2: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** Third generic index: notice audiences (every account, services by type). */
    gsi3: { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  },
} as const;

export type IndexName = keyof typeof TABLE.indexes;

/** Key prefixes: uppercase, `#` separated, ids kept as they are. */
export const PREFIX = {
  account: 'ACCOUNT#',
  accountItem: 'ACCOUNT',
  contact: 'CONTACT#',
  contractNumber: 'CONTRACTNO#',
  email: 'EMAIL#',
  login: 'LOGIN#',
  loginProfile: 'PROFILE',
  audit: 'AUDIT#',
  loginEmail: 'LOGINEMAIL#',
  contactEmail: 'CONTACTEMAIL#',
  outbox: 'OUTBOX#',
  rateCounter: 'RATE#',
  service: 'SERVICE#',
  externalId: 'EXTERNAL#',
  ticket: 'TICKET#',
  /** The helpdesk queue of one turn (gsi2): `TICKETQUEUE#waiting`, `#answered`, `#closed`. */
  ticketQueue: 'TICKETQUEUE#',
  message: 'MSG#',
  messageId: 'MSGID#',
  ticketEvent: 'EVENT#',
  invoice: 'INVOICE#',
  usage: 'USAGE#',
  idempotency: 'IDEMPOTENCY#',
  /** A file a login declared for upload, before a ticket message takes it. */
  ticketUpload: 'UPLOAD#',
  /** A staff login (staff user pool `sub`): the live switch of its access. */
  staff: 'STAFF#',
  /** Inside a usage partition: VoIP call records and serverhousing traffic samples. */
  call: 'CALL#',
  traffic: 'TRAFFIC#',
  /** A service's traffic totals of one UTC month; sorts after every `TRAFFIC#…` sample. */
  trafficMonth: 'TRAFFICMONTH#',
  /** One mail of a notice or ticket event to one address (`TO#<address>` inside). */
  delivery: 'DELIVERY#',
  deliveryTo: 'TO#',
  /** An account's email log: its own partition, like the audit trail, since it grows without bound. */
  emailLog: 'EMAILLOG#',
  /** An address SES reported as bouncing or complaining: mail to it is skipped. */
  suppression: 'SUPPRESS#',
  suppressionItem: 'SUPPRESS',
  /** SES's id of a sent mail → the delivery and log entry it was (SES feedback names only that id). */
  sesMessage: 'SESMSG#',
  sesMessageItem: 'SESMSG',
  /** gsi1 partition of one contact's email log entries: `EMAILLOG#<a>#CONTACT#<c>`. */
  emailLogContact: '#CONTACT#',
  /** A staff notice (`NOTICE`) and, in its partition, one work item per account in scope. */
  notice: 'NOTICE#',
  noticeItem: 'NOTICE',
  /** gsi1 partition of every notice, by time: the staff list. */
  noticeList: 'NOTICES',
  /** Index partitions a notice's scope pages through (`AUDIENCE#everyone`, `AUDIENCE#type#vps` …). */
  audience: 'AUDIENCE#',
  /** One mail SES received for support, by SES's message id (`INBOUND`), and the gsi1 list of refusals. */
  inbound: 'INBOUND#',
  inboundItem: 'INBOUND',
  inboundRefusals: 'INBOUND#REFUSALS',
} as const;

export const KEY_SEPARATOR = '#';
