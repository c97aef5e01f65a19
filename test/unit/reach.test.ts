import { describe, expect, it } from 'vitest';
import {
  type Holder,
  loginRefusal,
  type ReachTarget,
  reachCovers,
  serviceReachRefusal,
  supportScopeRefusal,
} from '#core/access/reach';
import type { SupportScope } from '#core/entities/contact';
import { PROBLEM } from '#core/platform/problem-types';
import type { Area } from '#core/rules/permissions';

const PRIMARY: Holder = {
  role: 'primary',
  permissions: [],
  supportScope: 'none',
  supportServiceIds: [],
};

const sub = (
  permissions: Area[],
  supportScope: SupportScope,
  serviceIds: string[] = []
): Holder => ({
  role: 'sub-account',
  permissions,
  supportScope,
  supportServiceIds: serviceIds,
});

/** A contact; with `permissions` it has a login holding them. */
const target = (
  supportScope: SupportScope,
  serviceIds: string[] = [],
  permissions?: Area[]
): ReachTarget => ({
  firstName: 'Target',
  lastName: 'Person',
  supportScope,
  assignedServices: serviceIds.map((id) => ({ id, type: 'vps', assignedAt: '2026-01-01' })),
  ...(permissions ? { loginId: 'login-1' } : {}),
  subAccount: permissions ? { status: 'active', permissions } : null,
});

describe('reachCovers', () => {
  it('orders the scopes none < isolated < global', () => {
    // Prepare
    const none = { scope: 'none' as const, serviceIds: [] };
    const isolated = { scope: 'isolated' as const, serviceIds: [] };
    const global = { scope: 'global' as const, serviceIds: [] };

    // Act
    const verdicts = [
      reachCovers(global, isolated),
      reachCovers(isolated, none),
      reachCovers(isolated, global),
      reachCovers(none, isolated),
    ];

    // Assess
    expect(verdicts).toEqual([true, true, false, false]);
  });

  it('lets an isolated reach cover only the services it holds itself', () => {
    // Prepare
    const own = { scope: 'isolated' as const, serviceIds: ['s1', 's2'] };

    // Act
    const within = reachCovers(own, { scope: 'isolated', serviceIds: ['s2'] });
    const beyond = reachCovers(own, { scope: 'isolated', serviceIds: ['s2', 's3'] });

    // Assess
    expect([within, beyond]).toEqual([true, false]);
  });
});

describe('supportScopeRefusal', () => {
  it('refuses a new contact with a scope wider than the caller’s own', () => {
    // Prepare
    const caller = sub(['contacts', 'tickets'], 'isolated', ['s1']);

    // Act
    const refusal = supportScopeRefusal(caller, undefined, 'global');

    // Assess
    expect(refusal).toEqual({
      problem: PROBLEM.supportScopeTooWide,
      area: 'contacts',
      detail: expect.stringMatching(
        /support scope "global".*your own \("isolated"\).*account holder/
      ),
    });
  });

  it('allows scopes up to the caller’s own, an unchanged scope, and anything to the primary', () => {
    // Prepare
    const caller = sub(['contacts'], 'isolated');

    // Act
    const verdicts = [
      supportScopeRefusal(caller, undefined, 'isolated'),
      supportScopeRefusal(caller, target('none'), 'none'),
      supportScopeRefusal(caller, target('global'), 'global'),
      supportScopeRefusal(caller, target('none'), undefined),
      supportScopeRefusal(PRIMARY, undefined, 'global'),
    ];

    // Assess
    expect(verdicts).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('refuses changing the scope of a login that holds more than the caller', () => {
    // Prepare
    const caller = sub(['contacts'], 'isolated', ['s1']);
    const stronger = target('isolated', ['s1'], ['contacts', 'invoices']);

    // Act
    const refusal = supportScopeRefusal(caller, stronger, 'none');

    // Assess
    expect(refusal?.area).toBe('invoices');
  });
});

describe('loginRefusal', () => {
  it('refuses a login holding an area the caller lacks, naming that area', () => {
    // Prepare
    const caller = sub(['contacts'], 'none');

    // Act
    const refusal = loginRefusal(caller, target('none', [], ['contacts', 'invoices']));

    // Assess
    expect(refusal).toEqual({
      problem: PROBLEM.loginHoldsMore,
      area: 'invoices',
      detail: expect.stringMatching(/Target Person’s login holds areas you do not \(invoices\)/),
    });
  });

  it('refuses a contact whose support reaches further than the caller’s', () => {
    // Prepare
    const caller = sub(['contacts', 'tickets'], 'isolated', ['s1']);

    // Act
    const global = loginRefusal(caller, target('global'));
    const otherService = loginRefusal(caller, target('isolated', ['s1', 's2'], []));

    // Assess
    expect(global).toEqual({
      problem: PROBLEM.loginReachesMore,
      area: 'contacts',
      detail: expect.stringMatching(/"global" is wider than yours \("isolated"\)/),
    });
    expect(otherService?.detail).toMatch(/covers services yours does not/);
  });

  it('allows a login holding no more than the caller, and every login to the primary', () => {
    // Prepare
    const caller = sub(['contacts', 'invoices'], 'isolated', ['s1', 's2']);
    const lesser = target('isolated', ['s2'], ['invoices']);

    // Act
    const verdicts = [
      loginRefusal(caller, lesser),
      loginRefusal(caller, target('none')),
      loginRefusal(PRIMARY, target('global', [], ['contacts', 'invoices', 'emails'])),
    ];

    // Assess
    expect(verdicts).toEqual([undefined, undefined, undefined]);
  });

  it('ignores stored areas the code does not know', () => {
    // Prepare
    const caller = sub(['contacts'], 'none');
    const odd = target('none', [], ['contacts', 'root' as Area]);

    // Act
    const refusal = loginRefusal(caller, odd);

    // Assess
    expect(refusal).toBeUndefined();
  });
});

describe('serviceReachRefusal', () => {
  it('lets a sub-account manage support only where it reaches itself', () => {
    // Prepare
    const isolated = sub(['services', 'services:manage'], 'isolated', ['s1']);
    const global = sub(['services', 'services:manage'], 'global');
    const none = sub(['domains', 'domains:manage'], 'none');

    // Act
    const own = serviceReachRefusal(isolated, 's1', 'services:manage');
    const foreign = serviceReachRefusal(isolated, 's2', 'services:manage');
    const anywhere = serviceReachRefusal(global, 's2', 'services:manage');
    const nowhere = serviceReachRefusal(none, 'd1', 'domains:manage');

    // Assess
    expect(own).toBeUndefined();
    expect(anywhere).toBeUndefined();
    expect(foreign).toEqual({
      problem: PROBLEM.serviceOutOfReach,
      area: 'services:manage',
      detail: expect.stringMatching(/does not include this service/),
    });
    expect(nowhere?.detail).toMatch(/scope "none".*this domain/);
    expect(serviceReachRefusal(PRIMARY, 's2', 'services:manage')).toBeUndefined();
  });
});
