/**
 * Bundled in place of `@aws-sdk/credential-provider-node` (see
 * lib/constructs/bundling.ts). Lambda gives a function its role's credentials
 * in environment variables, so the rest of the default chain (SSO, INI
 * files, STS web identity, IMDS) is dead weight that costs bundle size and
 * cold-start time. Local runs are not bundled and keep the full chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
