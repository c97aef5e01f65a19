/**
 * Serves the built portal (portal/dist) as CloudFront would: files as they
 * are, index.html for every other path (the app routes in the browser), and
 * a `config.json` naming this stack's API, as the portal stack writes it in AWS,
 * with the password sign-in flow for both pools (cognito-local has no SRP).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { PORTAL_DIR } from '../lib/portal-build.ts';
import { LOCAL_HOST } from './ports.ts';

const DIST = join(PORTAL_DIR, 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface PortalServer {
  url: string;
  close(): Promise<void>;
}

export const startPortalServer = async (options: {
  port: number;
  apiUrl: string;
  host?: string;
}): Promise<PortalServer> => {
  const host = options.host ?? LOCAL_HOST;
  const config = JSON.stringify({
    apiUrl: options.apiUrl,
    signIn: { client: 'password', staff: 'password' },
  });
  const index = await readFile(join(DIST, 'index.html'));
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/'));
    const headers = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
    if (path === '/config.json') {
      response.writeHead(200, {
        ...headers,
        'content-type': TYPES['.json'],
        'cache-control': 'no-store',
      });
      response.end(config);
      return;
    }
    const file = path.startsWith('/assets/')
      ? await readFile(join(DIST, path)).catch(() => undefined)
      : undefined;
    if (file) {
      response.writeHead(200, {
        ...headers,
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      });
      response.end(file);
      return;
    }
    response.writeHead(200, {
      ...headers,
      'content-type': TYPES['.html'],
      'cache-control': 'no-cache',
    });
    response.end(index);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
