/**
 * Runtime configuration: `config.json` beside index.html names the API
 * (written by `npm start` locally and by the portal stack in AWS); the pool
 * ids come from it too when the deployment wrote them, else from the API's
 * own `GET /config`, so nothing is baked into the bundle.
 */
import type { components } from './api/schema.ts';

export type ClientConfig = components['schemas']['ClientConfig'];

export interface PortalConfig {
  apiUrl: string;
  auth: ClientConfig;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export const loadConfig = async (): Promise<PortalConfig> => {
  const runtime = (await (await fetch('/config.json', { cache: 'no-store' })).json()) as {
    apiUrl: string;
  } & Partial<ClientConfig>;
  const apiUrl = trimSlash(runtime.apiUrl);
  if (runtime.userPoolId && runtime.userPoolClientId && runtime.region && runtime.staff) {
    return { apiUrl, auth: runtime as ClientConfig };
  }
  const response = await fetch(`${apiUrl}/config`);
  return { apiUrl, auth: (await response.json()) as ClientConfig };
};

/** The Cognito endpoint: the emulator's locally, the regional one in AWS. */
export const cognitoUrl = (auth: ClientConfig): string =>
  auth.cognitoEndpoint
    ? `${trimSlash(auth.cognitoEndpoint)}/`
    : `https://cognito-idp.${auth.region}.amazonaws.com/`;
