/**
 * The local gateway of one end-to-end test file: `useGateway()` starts it
 * before the file's tests (first of its hooks) and closes it after them.
 */
import { afterAll, beforeAll, inject } from 'vitest';
import { type Gateway, startGateway } from '../../local/gateway.ts';
import { type ApiResponse, type CallOptions, callApi } from './http.ts';

export interface TestGateway {
  /** The base URL; known once the gateway has started (in tests and later hooks). */
  readonly url: string;
  /** One request to the gateway, as a portal or an operator would send it. */
  api(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
}

export const useGateway = (): TestGateway => {
  let gateway: Gateway | undefined;

  beforeAll(async () => {
    gateway = await startGateway({ port: 0, stack: inject('localStack') });
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const url = () => {
    if (!gateway) throw new Error('The gateway starts in beforeAll: call it from a test or hook.');
    return gateway.url;
  };
  return {
    get url() {
      return url();
    },
    api: (method, path, options) => callApi(url(), method, path, options),
  };
};
