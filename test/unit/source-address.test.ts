import { describe, expect, it } from 'vitest';
import { rateLimitSubjectOfAddress } from '../../functions/logins/source-address.ts';

describe('rateLimitSubjectOfAddress', () => {
  it('counts every spelling of addresses in one IPv6 /64 as one canonical prefix', () => {
    // Prepare
    const spellings = [
      '2001:db8:85a3:12::1',
      '2001:DB8:85A3:12::1',
      '2001:0db8:85a3:0012:0000:0000:0000:0001',
      '2001:db8:85a3:12:0:0:0:1',
      '2001:db8:85a3:12:ffff:ffff:ffff:ffff',
      '2001:db8:85a3:12:a1b2:c3d4:e5f6:789',
      '2001:db8:85a3:12::',
      '2001:db8:85a3:12:0::0:1',
      '2001:db8:85a3:12::192.0.2.1',
      '[2001:db8:85a3:12::7]',
      ' 2001:db8:85a3:12::7 ',
      '2001:db8:85a3:12::7%eth0',
    ];

    // Act
    const subjects = new Set(spellings.map(rateLimitSubjectOfAddress));

    // Assess
    expect([...subjects]).toEqual(['2001:db8:85a3:12::/64']);
  });

  it('writes the prefix in RFC 5952 form: lowercase, no leading zeros, the longest zero run as ::', () => {
    // Act
    const subjects = [
      '2001:0DB8:0000:0000:1:2:3:4',
      '2001:db8:0:1::',
      '::1',
      '::',
      'fe80::1',
      'FE80:0:0:0:0:0:0:2',
    ].map(rateLimitSubjectOfAddress);

    // Assess
    expect(subjects).toEqual([
      '2001:db8::/64',
      '2001:db8:0:1::/64',
      '::/64',
      '::/64',
      'fe80::/64',
      'fe80::/64',
    ]);
  });

  it('keeps addresses of different /64 prefixes apart', () => {
    // Act
    const [a, b, c] = ['2001:db8:0:1::1', '2001:db8:0:2::1', '2001:db9:0:1::1'].map(
      rateLimitSubjectOfAddress
    );

    // Assess
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it('counts an IPv4 address as itself, and an IPv4-mapped IPv6 address as that IPv4 address', () => {
    // Act
    const subjects = [
      '203.0.113.9',
      '::ffff:203.0.113.9',
      '::FFFF:CB00:7109',
      '0:0:0:0:0:ffff:cb00:7109',
      '203.0.113.10',
    ].map(rateLimitSubjectOfAddress);

    // Assess
    expect(subjects).toEqual([
      '203.0.113.9',
      '203.0.113.9',
      '203.0.113.9',
      '203.0.113.9',
      '203.0.113.10',
    ]);
  });

  it('keeps a value that is no address as it is, trimmed and lowercased', () => {
    // Act
    const subjects = ['unknown', ' Not-An-IP ', '2001:db8::1::2', '300.1.1.1'].map(
      rateLimitSubjectOfAddress
    );

    // Assess
    expect(subjects).toEqual(['unknown', 'not-an-ip', '2001:db8::1::2', '300.1.1.1']);
  });
});
