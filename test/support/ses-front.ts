/**
 * A front for the SES emulator that answers SendEmail for chosen addresses
 * the way SES does when it refuses (MessageRejected) or throttles
 * (TooManyRequestsException), and passes everything else through. The
 * emulator itself accepts every mail.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SesFront {
  endpoint: string;
  refuse(address: string): void;
  /** The next `times` sends to the address are throttled. */
  throttle(address: string, times: number): void;
  close(): Promise<void>;
}

const bodyOf = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export const startSesFront = async (emulator: string): Promise<SesFront> => {
  const refused = new Set<string>();
  const throttled = new Map<string, number>();
  const server = createServer(async (request, response) => {
    const body = await bodyOf(request);
    const answer = (status: number, type: string, message: string) => {
      response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type });
      response.end(JSON.stringify({ message }));
    };
    if (request.method === 'POST' && request.url === '/v2/email/outbound-emails') {
      const to: string = JSON.parse(body.toString()).Destination?.ToAddresses?.[0] ?? '';
      if (refused.has(to)) return answer(400, 'MessageRejected', 'Email address is not verified.');
      const left = throttled.get(to) ?? 0;
      if (left > 0) {
        throttled.set(to, left - 1);
        return answer(429, 'TooManyRequestsException', 'Maximum sending rate exceeded.');
      }
    }
    const passed = await fetch(`${emulator}${request.url}`, {
      method: request.method,
      headers: Object.fromEntries(
        Object.entries(request.headers).flatMap(([name, value]) =>
          ['host', 'content-length', 'connection'].includes(name) || value === undefined
            ? []
            : [[name, String(value)]]
        )
      ),
      body: request.method === 'GET' ? undefined : body,
    });
    response.writeHead(passed.status, {
      'content-type': passed.headers.get('content-type') ?? 'application/json',
    });
    response.end(Buffer.from(await passed.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    refuse: (address) => void refused.add(address),
    throttle: (address, times) => void throttled.set(address, times),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
