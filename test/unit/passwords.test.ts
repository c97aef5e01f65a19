import { describe, expect, it } from 'vitest';
import { generatePassword, passwordPolicyProblems } from '#core/access/passwords';
import { PASSWORD_POLICY } from '#core/access/user-pool';

describe('generatePassword', () => {
  it('always satisfies the pool policy', () => {
    // Act
    const passwords = Array.from({ length: 500 }, () => generatePassword());

    // Assess
    for (const password of passwords)
      expect(passwordPolicyProblems(password), password).toEqual([]);
    expect(new Set(passwords).size).toBe(passwords.length);
  });

  it('never goes below the policy minimum plus a margin', () => {
    expect(generatePassword(4).length).toBeGreaterThanOrEqual(PASSWORD_POLICY.minLength + 4);
  });
});

describe('passwordPolicyProblems', () => {
  it('names every rule a weak password breaks', () => {
    // Act
    const problems = passwordPolicyProblems('short');

    // Assess
    expect(problems).toEqual(
      expect.arrayContaining([
        `at least ${PASSWORD_POLICY.minLength} characters`,
        'an uppercase letter',
        'a digit',
        'a symbol',
      ])
    );
  });
});
