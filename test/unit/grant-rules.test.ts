import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from '#core/platform/errors';
import { checkGrant, requestedAreas, targetOf } from '../../functions/logins/grant-rules.ts';
import { callerOf, contactOf, profileOf, subAccountOf } from '../support/profiles.ts';

/**
 * Invariant: a login changes only logins that hold and reach no more than it
 * does, never its own, never the primary's; it grants only areas it holds.
 */
const primary = contactOf('primary', {
  isPrimary: true,
  loginId: 'login-primary',
  supportScope: 'global',
});
const helper = subAccountOf('helper', ['contacts', 'invoices']);
const billing = subAccountOf('billing', ['invoices']);
const admin = subAccountOf('admin', ['contacts', 'invoices', 'tickets']);
const plain = contactOf('plain');
const isolated = subAccountOf('isolated', ['tickets'], {
  supportScope: 'isolated',
  assignedServices: [{ id: 's1', type: 'hosting', assignedAt: '2026-01-02T00:00:00.000Z' }],
});
const profile = profileOf([primary, helper, billing, admin, plain, isolated]);

const refusal = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('grant rules', () => {
  it('lets the primary manage any sub-account, whatever it holds or reaches', () => {
    // Act
    const targets = [helper, admin, isolated].map((contact) =>
      targetOf(callerOf(primary), profile, contact.id)
    );

    // Assess
    expect(targets.map((contact) => contact.id)).toEqual(['helper', 'admin', 'isolated']);
  });

  it('lets a sub-account manage a login holding a subset of its areas', () => {
    // Act
    const target = targetOf(callerOf(helper), profile, billing.id);

    // Assess
    expect(target.id).toBe('billing');
  });

  it('refuses the primary contact’s login to everyone, the primary included', () => {
    // Act
    const byPrimary = refusal(() => targetOf(callerOf(primary), profile, primary.id));
    const byHelper = refusal(() => targetOf(callerOf(helper), profile, primary.id));

    // Assess
    expect(byPrimary).toBeInstanceOf(ConflictError);
    expect(byHelper).toBeInstanceOf(ConflictError);
  });

  it('refuses a login its own permissions, naming whom to ask', () => {
    // Act
    const error = refusal(() => targetOf(callerOf(helper), profile, helper.id));

    // Assess
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).extensions).toMatchObject({
      area: 'contacts',
      allowedAreas: expect.arrayContaining(['contacts', 'invoices']),
      grantedBy: { name: 'PRIMARY Example' },
    });
  });

  it('refuses a login holding an area the caller does not, naming that area', () => {
    // Act
    const error = refusal(() => targetOf(callerOf(helper), profile, admin.id));

    // Assess
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).extensions).toMatchObject({ area: 'tickets' });
  });

  it('refuses a login reaching support the caller does not reach', () => {
    // Prepare: the admin holds every area the isolated login holds, but no support reach.
    const adminCaller = callerOf(admin);

    // Act
    const error = refusal(() => targetOf(adminCaller, profile, isolated.id));

    // Assess
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toContain('ISOLATED Example');
  });

  it('answers an unknown contact as missing, without saying more', () => {
    // Act
    const error = refusal(() => targetOf(callerOf(primary), profile, 'nobody'));

    // Assess
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it('lets a caller grant only areas it holds, naming the first it lacks', () => {
    // Act
    const allowed = () => checkGrant(callerOf(helper), profile, ['invoices']);
    const error = refusal(() => checkGrant(callerOf(helper), profile, ['invoices', 'tickets']));
    const byPrimary = () => checkGrant(callerOf(primary), profile, ['tickets', 'profile']);

    // Assess
    expect(allowed).not.toThrow();
    expect(byPrimary).not.toThrow();
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).extensions).toMatchObject({ area: 'tickets' });
  });

  it('reads the full preset as every area and a list as the known areas it names', () => {
    // Act
    const full = requestedAreas({ preset: 'full' } as Parameters<typeof requestedAreas>[0]);
    const listed = requestedAreas({ permissions: ['tickets', 'invoices'] } as Parameters<
      typeof requestedAreas
    >[0]);

    // Assess
    expect(full).toContain('profile');
    expect(full.length).toBeGreaterThan(3);
    expect(listed.sort()).toEqual(['invoices', 'tickets']);
  });
});
