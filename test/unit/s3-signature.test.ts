import { describe, expect, it } from 'vitest';
import { downloadLink } from '#core/platform/clients/invoice-files';
import { resetClock, runClockFrom } from '#core/platform/clock';
import { verifyPresigned, withoutSigning } from '../../local/s3-signature.ts';

// test/setup-unit-env.ts signs with AWS_ACCESS_KEY_ID=unit / AWS_SECRET_ACCESS_KEY=unit.
const SECRETS = new Map([['unit', 'unit']]);
const KEY = 'invoices/a1/INV-1.pdf';

const requestOf = (link: string) => {
  const url = new URL(link);
  return { method: 'GET', url: `${url.pathname}${url.search}`, headers: { host: url.host } };
};

describe('verifyPresigned', () => {
  it('accepts a link the SDK’s presigner made, until it expires', async () => {
    // Prepare
    const signedAt = new Date('2026-03-01T12:00:00Z');
    runClockFrom(signedAt);
    const link = await downloadLink(KEY, 300);
    resetClock();

    // Act
    const inTime = verifyPresigned(requestOf(link), SECRETS, new Date('2026-03-01T12:04:59Z'));
    const late = verifyPresigned(requestOf(link), SECRETS, new Date('2026-03-01T12:05:01Z'));

    // Assess
    expect(inTime).toEqual({ ok: true });
    expect(late).toMatchObject({
      ok: false,
      code: 'AccessDenied',
      message: 'Request has expired.',
    });
  });

  it('refuses a changed path, method, expiry or host, an unknown key and an unsigned request', async () => {
    // Prepare
    const link = await downloadLink(KEY, 300);
    const now = new Date();
    const request = requestOf(link);
    const check = (changed: Partial<typeof request>, secrets = SECRETS) =>
      verifyPresigned({ ...request, ...changed }, secrets, now);

    // Act
    const verdicts = {
      path: check({ url: request.url.replace('INV-1', 'INV-2') }),
      method: check({ method: 'PUT' }),
      expiry: check({ url: request.url.replace('X-Amz-Expires=300', 'X-Amz-Expires=3000') }),
      host: check({ headers: { host: 'elsewhere.example' } }),
      key: check({}, new Map([['other', 'unit']])),
      unsigned: check({ url: withoutSigning(request.url) }),
    };

    // Assess
    expect(check({})).toEqual({ ok: true });
    for (const name of ['path', 'method', 'expiry', 'host'] as const)
      expect(verdicts[name], name).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(verdicts.key).toMatchObject({ ok: false, code: 'InvalidAccessKeyId' });
    expect(verdicts.unsigned).toMatchObject({ ok: false, code: 'AccessDenied' });
    expect(withoutSigning(request.url)).toBe(`/portico-unit-invoices/${KEY}`);
  });
});
