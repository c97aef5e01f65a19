import { describe, expect, it } from 'vitest';
import { readSesFeedback, type SesFeedback } from '../../functions/feedback/notification.ts';
import { hasSesFixtures, sesFixture, sesFixtures } from '../support/ses-fixtures.ts';

const SIMULATOR_BOUNCE = 'bounce@simulator.amazonses.com';
const RELAY = 'relayuser@test.com';
const RELAY_ID = '0100017e6dde5594-4912fac5-bd85-4358-98d4-7b8d8b89fc60-000000';
const DOCS_ID = 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000';

type Expected = Partial<Exclude<SesFeedback, { kind: 'other' }>> | { kind: 'other'; type: string };

/** What each sample says, read by hand from the file. */
const EXPECTED: Record<string, Expected> = {
  'bounce-redacted-remoteMtaIp__sisimai__json-amazonses-06.json': {
    kind: 'bounce',
    bounceType: 'Permanent',
    subtype: 'General',
    recipients: [SIMULATOR_BOUNCE],
    sesMessageId: 'xxxxxxx',
  },
  'bounce-simulator__sisimai__json-amazonses-01.json': {
    kind: 'bounce',
    bounceType: 'Permanent',
    recipients: [SIMULATOR_BOUNCE],
    sesMessageId: '01010157e48f9b9b-891e9a0e-9c9d-4773-9bfe-608f2ef4756d-000000',
    at: '2016-10-21T00:06:40.502Z',
  },
  'complaint-simulator__sisimai__json-amazonses-03.json': {
    kind: 'complaint',
    feedbackType: 'abuse',
    recipients: ['complaint@simulator.amazonses.com'],
    sesMessageId: '01010158992bd11e-d46429af-0ec9-4aaf-8503-6f7ca5832ca2-000000',
  },
  'delivery-before-complaint__sisimai__json-amazonses-05.json': { kind: 'other', type: 'Delivery' },
  'delivery-simulator__sisimai__json-amazonses-04.json': { kind: 'other', type: 'Delivery' },
  'sns-bounce-spam-content__fx-private-relay__spam_bounce_sns_body.json': {
    kind: 'bounce',
    bounceType: 'Transient',
    subtype: 'StopRelayingSpamForThisUser',
    recipients: [RELAY],
    sesMessageId: RELAY_ID,
  },
  'sns-bounce-suppressionlist__fx-private-relay__hard_bounce_sns_body.json': {
    kind: 'bounce',
    bounceType: 'Permanent',
    subtype: 'OnAccountSuppressionList',
    recipients: [RELAY],
    sesMessageId: RELAY_ID,
  },
  'sns-bounce-transient__fx-private-relay__soft_bounce_sns_body.json': {
    kind: 'bounce',
    bounceType: 'Transient',
    recipients: [RELAY],
  },
  'sns-envelope-bounce__sisimai__json-amazonses-02.json': {
    kind: 'bounce',
    bounceType: 'Permanent',
    recipients: [SIMULATOR_BOUNCE],
    sesMessageId: '01010157e6083857-2c73eed0-71f8-47d1-ab77-c4646f9d776d-000000',
  },
};

/** Configuration-set event publishing (`eventType`) and identity notifications from the SES guide. */
const DOCS_EXPECTED: Record<string, Expected> = {
  'awsdocs-ses-dg__event-publishing-retrieving-sns-bounce.json': {
    kind: 'bounce',
    bounceType: 'Permanent',
    recipients: ['recipient@example.com'],
    sesMessageId: DOCS_ID,
  },
  'awsdocs-ses-dg__event-publishing-retrieving-sns-complaint.json': {
    kind: 'complaint',
    feedbackType: 'abuse',
    recipients: ['recipient@example.com'],
    sesMessageId: DOCS_ID,
  },
  'awsdocs-ses-dg__event-publishing-retrieving-sns-delivery.json': {
    kind: 'other',
    type: 'Delivery',
  },
  'awsdocs-ses-dg__notification-examples-bounce-no-dsn.json': {
    kind: 'bounce',
    bounceType: 'Permanent',
    recipients: ['jane@example.com', 'richard@example.com'],
  },
  'awsdocs-ses-dg__notification-examples-complaint-no-feedback.json': {
    kind: 'complaint',
    recipients: ['richard@example.com'],
  },
};

describe.skipIf(!hasSesFixtures)('the SES feedback parser on real samples', () => {
  it.each(sesFixtures('sending'))('reads %s as what it says', (name, text) => {
    // Prepare
    const expected = EXPECTED[name];

    // Act
    const feedback = readSesFeedback(text);

    // Assess
    expect(expected, `no expectation written for ${name}`).toBeDefined();
    expect(feedback).toMatchObject(expected ?? {});
  });

  it.each(Object.entries(DOCS_EXPECTED))('reads the SES guide sample %s', (name, expected) => {
    // Prepare
    const text = sesFixture('aws-docs', name);

    // Act
    const feedback = readSesFeedback(text);

    // Assess
    expect(feedback).toMatchObject(expected);
  });

  it('reads the same report bare, as parsed JSON, and inside an SNS envelope alike', () => {
    // Prepare
    const bare = sesFixture('sending', 'bounce-simulator__sisimai__json-amazonses-01.json');
    const envelope = JSON.stringify({ Type: 'Notification', MessageId: 'x', Message: bare });

    // Act
    const readings = [
      readSesFeedback(bare),
      readSesFeedback(JSON.parse(bare)),
      readSesFeedback(envelope),
    ];

    // Assess
    expect(readings[1]).toEqual(readings[0]);
    expect(readings[2]).toEqual(readings[0]);
  });
});

describe('the SES feedback parser on what is no SES report', () => {
  const bounce = {
    notificationType: 'Bounce',
    bounce: {
      bounceType: 'Permanent',
      bouncedRecipients: [{ emailAddress: ' Jane@Example.COM ' }],
      timestamp: '2026-01-01T00:00:00.000Z',
    },
    mail: { messageId: 'm-1' },
  };

  it.each([
    ['not JSON', '{"notificationType": "Bounce"'],
    ['no type', JSON.stringify({ mail: { messageId: 'm' } })],
    [
      'a bounce without recipients',
      JSON.stringify({ ...bounce, bounce: { ...bounce.bounce, bouncedRecipients: [] } }),
    ],
    [
      'a bounce without its mail',
      JSON.stringify({ notificationType: 'Bounce', bounce: bounce.bounce }),
    ],
    [
      'an unknown bounce type',
      JSON.stringify({ ...bounce, bounce: { ...bounce.bounce, bounceType: 'Soft' } }),
    ],
    ['an SNS envelope around garbage', JSON.stringify({ Type: 'Notification', Message: 'hello' })],
    [
      'an SNS subscription confirmation',
      JSON.stringify({ Type: 'SubscriptionConfirmation', Message: 'x' }),
    ],
    ['a number', 42],
    ['nothing', undefined],
  ])('drops %s', (_case, message) => {
    // Act
    const feedback = readSesFeedback(message);

    // Assess
    expect(feedback).toBeUndefined();
  });

  it('normalises the addresses it names (trimmed, lower case, once each)', () => {
    // Prepare
    const twice = {
      ...bounce,
      bounce: {
        ...bounce.bounce,
        bouncedRecipients: [
          { emailAddress: ' Jane@Example.COM ' },
          { emailAddress: 'jane@example.com' },
        ],
      },
    };

    // Act
    const feedback = readSesFeedback(JSON.stringify(twice));

    // Assess
    expect(feedback).toMatchObject({ kind: 'bounce', recipients: ['jane@example.com'] });
  });
});
