import { describe, expect, it } from 'vitest';
import { AREAS, allowedAreas, isKnownArea, mayOpen } from '#core/rules/permissions';

describe('mayOpen', () => {
  it('lets the primary open every known area', () => {
    // Prepare
    const primary = { role: 'primary' as const, permissions: [] };

    // Act
    const verdicts = AREAS.map((area) => mayOpen(primary, area));

    // Assess
    expect(verdicts.every(Boolean)).toBe(true);
  });

  it('lets a sub-account open only the areas it was granted', () => {
    // Prepare
    const billing = { role: 'sub-account' as const, permissions: ['invoices', 'profile'] };

    // Act
    const opened = AREAS.filter((area) => mayOpen(billing, area));

    // Assess
    expect(opened).toEqual(['profile', 'invoices']);
  });

  it('denies an area the code does not know, even when a stored grant lists it', () => {
    // Prepare
    const odd = { role: 'sub-account' as const, permissions: ['billing-admin', 'invoices'] };

    // Act
    const verdict = mayOpen(odd, 'billing-admin');

    // Assess
    expect(verdict).toBe(false);
    expect(mayOpen({ role: 'primary', permissions: [] }, 'billing-admin')).toBe(false);
    expect(isKnownArea('billing-admin')).toBe(false);
  });
});

describe('allowedAreas', () => {
  it('drops unknown stored permissions from what a login is told it may open', () => {
    // Prepare
    const grant = { role: 'sub-account' as const, permissions: ['tickets', 'root'] };

    // Act
    const areas = allowedAreas(grant);

    // Assess
    expect(areas).toEqual(['tickets']);
  });
});
