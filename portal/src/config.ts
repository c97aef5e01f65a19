/**
 * Runtime configuration: `config.json` beside index.html names the API
 * (written by `npm start` locally and by the portal stack in AWS); the pool
 * ids come from it too when the deployment wrote them, else from the API's
 * own `GET /config`, so nothing is baked into the bundle. `signIn` names the
 * flow each pool's app client allows (`srp` in AWS, `password` locally, where
 * the emulator has no SRP); without it the portal uses the password flow.
 */
import type { components } from './api/schema.ts';
import type { SignInFlow } from './auth/cognito.ts';

export type ClientConfig = components['schemas']['ClientConfig'];

export interface PortalConfig {
  apiUrl: string;
  auth: ClientConfig;
  signIn: { client: SignInFlow; staff: SignInFlow };
}

const flowOf = (value: unknown): SignInFlow => (value === 'srp' ? 'srp' : 'password');

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export const loadConfig = async (): Promise<PortalConfig> => {
  const runtime = (await (await fetch('/config.json', { cache: 'no-store' })).json()) as {
    apiUrl: string;
    signIn?: { client?: unknown; staff?: unknown };
  } & Partial<ClientConfig>;
  const apiUrl = trimSlash(runtime.apiUrl);
  const signIn = { client: flowOf(runtime.signIn?.client), staff: flowOf(runtime.signIn?.staff) };
  if (runtime.userPoolId && runtime.userPoolClientId && runtime.region && runtime.staff) {
    return { apiUrl, auth: runtime as ClientConfig, signIn };
  }
  const response = await fetch(`${apiUrl}/config`);
  return { apiUrl, auth: (await response.json()) as ClientConfig, signIn };
};

/** The Cognito endpoint: the emulator's locally, the regional one in AWS. */
export const cognitoUrl = (auth: ClientConfig): string =>
  auth.cognitoEndpoint
    ? `${trimSlash(auth.cognitoEndpoint)}/`
    : `https://cognito-idp.${auth.region}.amazonaws.com/`;
