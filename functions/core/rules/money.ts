/**
 * Money as the API carries it: decimal strings with exactly the currency's
 * minor-unit digits (`"119.00"` in EUR, `"500"` in JPY, `"1.250"` in BHD),
 * and as the rules compare it: whole minor units (bigint), never floats.
 */

/** ISO 4217 currencies whose minor unit is not the cent; every other has 2 digits. */
const MINOR_UNIT_EXCEPTIONS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    [
      'BIF',
      'CLP',
      'DJF',
      'GNF',
      'ISK',
      'JPY',
      'KMF',
      'KRW',
      'PYG',
      'RWF',
      'UGX',
      'UYI',
      'VND',
      'VUV',
      'XAF',
      'XOF',
      'XPF',
    ].map((code) => [code, 0])
  ),
  ...Object.fromEntries(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'].map((code) => [code, 3])),
  CLF: 4,
  UYW: 4,
};

export const minorUnitDigits = (currency: string): number => MINOR_UNIT_EXCEPTIONS[currency] ?? 2;

const withDigits = (whole: string, currency: string): string => {
  const digits = minorUnitDigits(currency);
  return digits === 0 ? whole : `${whole}.${'0'.repeat(digits)}`;
};

/** An example amount in `currency`, for messages: `"119.00"`, `"119"`. */
export const exampleAmount = (currency: string): string => withDigits('119', currency);

/** Nothing, written in `currency`: `"0.00"`, `"0"`. */
export const zeroAmount = (currency: string): string => withDigits('0', currency);

/**
 * The amount in minor units, or undefined when it does not have exactly the
 * currency's digits after the point (none at all for a currency without).
 */
export const toMinorUnits = (amount: string, currency: string): bigint | undefined => {
  const digits = minorUnitDigits(currency);
  const pattern = digits === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${digits}}$`);
  return pattern.test(amount) ? BigInt(amount.replace('.', '')) : undefined;
};

/** Minor units written back in `currency`: `11900n` → `"119.00"` in EUR. */
export const fromMinorUnits = (units: bigint, currency: string): string => {
  const digits = minorUnitDigits(currency);
  const sign = units < 0n ? '-' : '';
  const text = (units < 0n ? -units : units).toString().padStart(digits + 1, '0');
  return digits === 0
    ? `${sign}${text}`
    : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
};
