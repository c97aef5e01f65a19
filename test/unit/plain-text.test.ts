import { describe, expect, it } from 'vitest';
import { hasForbiddenCharacter, type RequestSchema, trimmedText } from '#core/http/schemas';
import { toFieldErrors } from '#core/platform/field-errors';
import { patchMyDetailsSchema } from '../../functions/account/schemas.ts';
import { createContactSchema } from '../../functions/contacts/schemas.ts';
import { accountLoadSchema, serviceLoadSchema } from '../../functions/staff/schemas.ts';
import { createTicketSchema, replySchema } from '../../functions/tickets/schemas.ts';

/** One of each kind of character typed text may not hold. */
const FORBIDDEN = {
  NUL: '\u0000',
  TAB: '\t',
  LF: '\n',
  CR: '\r',
  ESC: '\u001b',
  DEL: '\u007f',
  'C1 NEL': '\u0085',
  'C1 CSI': '\u009b',
  'LINE SEPARATOR': '\u2028',
  'PARAGRAPH SEPARATOR': '\u2029',
  LRE: '\u202a',
  RLO: '\u202e',
  LRI: '\u2066',
  PDI: '\u2069',
};

const fieldsOf = (schema: RequestSchema) => (body: unknown) => {
  const result = schema.safeParse(body);
  return result.success ? [] : toFieldErrors(result.error.issues).map((error) => error.field);
};

describe('hasForbiddenCharacter', () => {
  it.each(Object.entries(FORBIDDEN))('refuses %s in one line of text', (_name, char) => {
    // Act & Assess
    expect(hasForbiddenCharacter(`Alex${char}Morgan`, 'single-line')).toBe(true);
  });

  it.each(Object.entries(FORBIDDEN).filter(([name]) => !['TAB', 'LF', 'CR'].includes(name)))(
    'refuses %s in multi-line text too',
    (_name, char) => {
      // Act & Assess
      expect(hasForbiddenCharacter(`Hello${char}there`, 'multi-line')).toBe(true);
    }
  );

  it('lets multi-line text keep tabs and line breaks', () => {
    // Act & Assess
    expect(hasForbiddenCharacter('Line one\r\nLine two\n\tindented', 'multi-line')).toBe(false);
  });

  it('accepts text in any script, accents, emoji and the marks that are not overrides', () => {
    // Prepare
    const texts = [
      'José Ñúñez-Ørsted',
      'Ελένη Παπαδοπούλου',
      'محمد العلي',
      'שלום עליכם',
      '山田 太郎',
      'Café 😀 Ltd.',
      'Zero\u200bwidth and LRM\u200e are allowed',
      'Non\u00a0breaking space',
    ];

    // Act & Assess
    for (const text of texts) expect(hasForbiddenCharacter(text, 'single-line'), text).toBe(false);
  });
});

describe('trimmedText', () => {
  it('refuses a trailing CRLF instead of trimming it away', () => {
    // Act
    const result = trimmedText(100).safeParse('Alex\r\n');

    // Assess
    expect(result.success).toBe(false);
  });

  it('still trims surrounding spaces', () => {
    // Act & Assess
    expect(trimmedText(100).parse('  Alex  ')).toBe('Alex');
  });
});

describe('request schemas', () => {
  it('name the single-line field that holds a control or text-direction character', () => {
    // Act
    const myDetails = fieldsOf(patchMyDetailsSchema)({
      firstName: 'Alex\r\nBcc: victim@example.com',
      lastName: 'Mor\u202egan',
      companyName: 'Acme\tLtd',
      address: {
        line1: '1 High St\u2028',
        line2: 'Flat\u00852',
        city: 'Leeds\u0000',
        region: 'West\u2066Yorkshire',
        postcode: 'LS1\n1AA',
        country: 'GB',
      },
    });
    const contact = fieldsOf(createContactSchema)({
      kind: 'organisation',
      firstName: 'Plain',
      lastName: 'Contact',
      companyName: 'Evil\u202eCorp',
      taxId: 'GB123\r',
      email: 'plain@elsewhere.example',
      phone: '+441632960123',
      address: { line1: '1 Road', city: 'Leeds', postcode: 'LS1 2AB', country: 'GB' },
    });
    const ticket = fieldsOf(createTicketSchema)({ subject: 'Help\r\nX-Spam: yes', body: 'Hi' });
    const service = fieldsOf(serviceLoadSchema)({
      externalId: 'S-1',
      type: 'vps',
      label: 'VPS\u001b[31m 17',
      status: 'active',
      contractNumber: 'C-1\n',
      server: 'host\t1',
    });
    const account = fieldsOf(accountLoadSchema)({
      externalId: 'A-1',
      name: 'Acme\u2029Ltd',
      contractNumbers: ['C-1'],
      primaryContact: {
        firstName: 'A',
        lastName: 'B',
        email: 'a@b.example',
        phone: '+441632960123',
        address: { line1: '1 Road', city: 'Leeds', postcode: 'LS1 2AB', country: 'GB' },
      },
    });

    // Assess
    expect(myDetails.sort()).toEqual(
      [
        'firstName',
        'lastName',
        'companyName',
        'address.line1',
        'address.line2',
        'address.city',
        'address.region',
        'address.postcode',
      ].sort()
    );
    expect(contact.sort()).toEqual(['companyName', 'taxId']);
    expect(ticket).toEqual(['subject']);
    expect(service.sort()).toEqual(['contractNumber', 'label', 'server']);
    expect(account).toEqual(['name']);
  });

  it('let a ticket body or reply keep line breaks and tabs, and refuse other controls by field', () => {
    // Act
    const kept = createTicketSchema.safeParse({
      subject: 'Mail bounces',
      body: 'Since 9:00:\r\n\t- info@\n\t- sales@',
    });
    const refused = [
      fieldsOf(createTicketSchema)({ subject: 'Mail bounces', body: 'Bell\u0007' }),
      fieldsOf(replySchema)({ body: 'Reversed \u202etxt.exe' }),
      fieldsOf(replySchema)({ body: 'Separated\u2028line' }),
    ];

    // Assess
    expect(kept.success).toBe(true);
    expect(refused).toEqual([['body'], ['body'], ['body']]);
  });
});
