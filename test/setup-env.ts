/**
 * Runs in every test worker before the test file: points the Lambda
 * configuration at the stack test/global-setup.ts started, so importing a
 * handler in a test behaves as a cold start against the emulators.
 */
import { inject } from 'vitest';
import type { DemoLogin, DemoStaffLogin } from '../local/seed.ts';
import { applyLocalStackEnv, type LocalStackInfo } from '../scripts/local-stack/env.ts';

export interface ProvidedLocalStack extends LocalStackInfo {
  demoLogins: DemoLogin[];
  demoStaff: DemoStaffLogin;
  demoPassword: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    localStack: ProvidedLocalStack;
  }
}

applyLocalStackEnv(inject('localStack'));
process.env.LOG_LEVEL = 'silent';
// Lambda runs Node 24; the SDK's notice about this machine's Node 20 is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
