/**
 * cognito-local enforces no password policy, so the local stack checks the
 * demo password against PASSWORD_POLICY itself: a password that works here
 * must also work against the real pool.
 */
import { PASSWORD_POLICY } from '#core/user-pool';

/** The special characters Cognito accepts for `RequireSymbols`. */
const COGNITO_SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ';

export const passwordPolicyProblems = (password: string): string[] => {
  const problems: string[] = [];
  if (password.length < PASSWORD_POLICY.minLength) {
    problems.push(`at least ${PASSWORD_POLICY.minLength} characters`);
  }
  if (PASSWORD_POLICY.requireLowercase && !/[a-z]/.test(password))
    problems.push('a lowercase letter');
  if (PASSWORD_POLICY.requireUppercase && !/[A-Z]/.test(password))
    problems.push('an uppercase letter');
  if (PASSWORD_POLICY.requireDigits && !/[0-9]/.test(password)) problems.push('a digit');
  if (PASSWORD_POLICY.requireSymbols && ![...password].some((c) => COGNITO_SYMBOLS.includes(c))) {
    problems.push('a symbol');
  }
  return problems;
};
