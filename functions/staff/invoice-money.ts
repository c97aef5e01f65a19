/**
 * The money rules of a loaded invoice, checked in minor units (core/rules/money.ts):
 * every amount has the currency's digits; each line's total is its net
 * plus its tax; the invoice's net and tax are the sums of its lines', and
 * its total is its net plus its tax (so also the sum of the line totals).
 * Each broken rule names the field to fix and the amount it should hold.
 */
import { exampleAmount, fromMinorUnits, minorUnitDigits, toMinorUnits } from '#core/rules/money';

interface Amounts {
  net: string;
  tax: string;
  total: string;
}

export interface MoneyProblem {
  code: 'amount_digits' | 'sum_mismatch';
  path: (string | number)[];
  message: string;
}

const AMOUNT_FIELDS = ['net', 'tax', 'total'] as const;

const digitsMessage = (currency: string) => {
  const digits = minorUnitDigits(currency);
  const how = digits === 0 ? 'no decimals' : `exactly ${digits} decimals`;
  return `Use ${how} for ${currency}, like "${exampleAmount(currency)}".`;
};

export const invoiceMoneyProblems = (invoice: Amounts & { currency: string; lines: Amounts[] }) => {
  const { currency } = invoice;
  const problems: MoneyProblem[] = [];
  const unitsOf = (amounts: Amounts, at: (string | number)[]) =>
    AMOUNT_FIELDS.map((field) => {
      const units = toMinorUnits(amounts[field], currency);
      if (units === undefined)
        problems.push({
          code: 'amount_digits',
          path: [...at, field],
          message: digitsMessage(currency),
        });
      return units ?? 0n;
    });
  const [net, tax, total] = unitsOf(invoice, []) as [bigint, bigint, bigint];
  const lines = invoice.lines.map((line, index) => unitsOf(line, ['lines', index]));
  // Sums of amounts that could not be read would only add noise.
  if (problems.length > 0) return problems;

  const should = (path: (string | number)[], actual: bigint, expected: bigint, rule: string) => {
    if (actual !== expected)
      problems.push({
        code: 'sum_mismatch',
        path,
        message: `${rule}: "${fromMinorUnits(expected, currency)}".`,
      });
  };
  lines.forEach(([lineNet = 0n, lineTax = 0n, lineTotal = 0n], index) => {
    should(
      ['lines', index, 'total'],
      lineTotal,
      lineNet + lineTax,
      'Must be the line’s net plus its tax'
    );
  });
  const sum = (at: number) => lines.reduce((acc, line) => acc + (line[at] ?? 0n), 0n);
  should(['net'], net, sum(0), 'Must be the sum of the lines’ net');
  should(['tax'], tax, sum(1), 'Must be the sum of the lines’ tax');
  should(['total'], total, net + tax, 'Must be the net plus the tax');
  return problems;
};
