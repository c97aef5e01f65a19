import { describe, expect, it } from 'vitest';
import { fromMinorUnits, minorUnitDigits, toMinorUnits } from '#core/rules/money';
import { invoiceMoneyProblems } from '../../functions/staff/invoice-money.ts';
import { invoiceLoadSchema } from '../../functions/staff/schemas.ts';

const line = (net: string, tax: string, total: string) => ({ net, tax, total });

describe('minor units', () => {
  it('reads amounts with exactly the currency’s digits, and writes them back', () => {
    // Act
    const read = [
      toMinorUnits('119.00', 'EUR'),
      toMinorUnits('-5.50', 'EUR'),
      toMinorUnits('500', 'JPY'),
      toMinorUnits('1.250', 'BHD'),
    ];
    const refused = [
      toMinorUnits('119.5', 'EUR'),
      toMinorUnits('119', 'EUR'),
      toMinorUnits('500.00', 'JPY'),
      toMinorUnits('1.25', 'BHD'),
    ];

    // Assess
    expect(read).toEqual([11900n, -550n, 500n, 1250n]);
    expect(refused).toEqual([undefined, undefined, undefined, undefined]);
    expect([minorUnitDigits('EUR'), minorUnitDigits('KRW'), minorUnitDigits('KWD')]).toEqual([
      2, 0, 3,
    ]);
    expect([
      fromMinorUnits(11900n, 'EUR'),
      fromMinorUnits(-5n, 'EUR'),
      fromMinorUnits(7n, 'BHD'),
      fromMinorUnits(-500n, 'JPY'),
    ]).toEqual(['119.00', '-0.05', '0.007', '-500']);
  });
});

describe('invoiceMoneyProblems', () => {
  it('accepts sums that only add up exactly in minor units', () => {
    // Prepare
    const invoice = {
      currency: 'EUR',
      ...line('0.30', '0.06', '0.36'),
      lines: [line('0.10', '0.02', '0.12'), line('0.20', '0.04', '0.24')],
    };

    // Act
    const problems = invoiceMoneyProblems(invoice);

    // Assess
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(problems).toEqual([]);
  });

  it('names each rule that fails with the amount the field should hold', () => {
    // Prepare
    const invoice = {
      currency: 'EUR',
      ...line('10.00', '1.00', '12.00'),
      lines: [line('5.00', '1.00', '6.00'), line('4.00', '1.00', '5.01')],
    };

    // Act
    const problems = invoiceMoneyProblems(invoice);

    // Assess
    expect(problems).toEqual([
      {
        code: 'sum_mismatch',
        path: ['lines', 1, 'total'],
        message: 'Must be the line’s net plus its tax: "5.00".',
      },
      {
        code: 'sum_mismatch',
        path: ['net'],
        message: 'Must be the sum of the lines’ net: "9.00".',
      },
      {
        code: 'sum_mismatch',
        path: ['tax'],
        message: 'Must be the sum of the lines’ tax: "2.00".',
      },
      { code: 'sum_mismatch', path: ['total'], message: 'Must be the net plus the tax: "11.00".' },
    ]);
  });

  it('reports amounts without the currency’s digits alone, not the sums they break', () => {
    // Act
    const problems = invoiceMoneyProblems({
      currency: 'JPY',
      ...line('1000', '100.5', '1100'),
      lines: [line('1000', '100', '1100')],
    });

    // Assess
    expect(problems).toEqual([
      { code: 'amount_digits', path: ['tax'], message: 'Use no decimals for JPY, like "119".' },
    ]);
  });
});

describe('invoiceLoadSchema dates', () => {
  const load = (dates: Record<string, string>) => ({
    number: 'INV-1',
    issuedAt: '2026-03-01',
    dueAt: '2026-03-15',
    currency: 'EUR',
    ...line('0.00', '0.00', '0.00'),
    status: 'open',
    lines: [],
    ...dates,
  });
  const failing = (dates: Record<string, string>) => {
    const result = invoiceLoadSchema.safeParse(load(dates));
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('takes real calendar days only', () => {
    // Act
    const refused = [
      failing({ issuedAt: '2026-02-30', dueAt: '2026-03-30' }),
      failing({ issuedAt: '2027-02-29', dueAt: '2027-03-30' }),
      failing({ dueAt: '2026-13-01' }),
      failing({ dueAt: '2026-03-15T00:00:00Z' }),
      failing({ dueAt: '15.03.2026' }),
    ];
    const accepted = failing({ issuedAt: '2028-02-29', dueAt: '2028-02-29' });

    // Assess
    expect(refused).toEqual([['issuedAt'], ['issuedAt'], ['dueAt'], ['dueAt'], ['dueAt']]);
    expect(accepted).toEqual([]);
  });
});
