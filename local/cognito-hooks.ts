/**
 * What Cognito does around cognito-local, served in this process:
 *
 * - `POST /2015-03-31/functions/<name>/invocations`: Lambda's Invoke API, for
 *   the triggers cognito-local calls (its `LambdaClient` points here). It
 *   runs the same CustomMessage handler the pools use in AWS.
 * - `POST /mail`: where the emulator hands each email it would have printed
 *   (local/cognito-mail-hook.ts), code already in place. It is sent through
 *   SES v2 with the stage's From address, reply-to and configuration set, as
 *   Cognito sends it in AWS, so it lands in the SES emulator's `/store`.
 *
 * Handlers and the SES client read their settings when loaded, so they are
 * imported after applyLocalStackEnv: on first use, or at once through
 * `loadCognitoHookModules` where one process hosts two stacks (the test
 * projects), so a later stack's settings cannot leak into this one's.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { findFreePort, LOCAL_HOST } from './ports.ts';

/** The function name cognito-local's `TriggerFunctions.CustomMessage` gives. */
export const CUSTOM_MESSAGE_FUNCTION = 'cognito-messages';

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/** What the emulator hands over for one email. */
export interface CognitoMail {
  to: string;
  code: string;
  subject?: string;
  html?: string;
}

const readBody = async (request: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
};

const answer = (
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

/** The modules the hooks run, loaded once with the settings in the environment now. */
export const loadCognitoHookModules = async () => {
  const [messages, sesv2, clients, config] = await Promise.all([
    import('../functions/cognito-messages/handler.ts'),
    import('@aws-sdk/client-sesv2'),
    import('#core/platform/clients/ses'),
    import('#core/platform/config'),
  ]);
  return {
    handler: messages.handler,
    SendEmailCommand: sesv2.SendEmailCommand,
    ...clients,
    ...config,
  };
};

const invoke = async (name: string, event: unknown) => {
  if (name !== CUSTOM_MESSAGE_FUNCTION) return undefined;
  const { handler } = await loadCognitoHookModules();
  return handler(event as Parameters<typeof handler>[0]);
};

const isMail = (value: unknown): value is CognitoMail => {
  const mail = value as Partial<CognitoMail> | null;
  return typeof mail?.to === 'string' && typeof mail.code === 'string';
};

/**
 * Sends the email as Cognito does through the pool's SES settings. When no
 * trigger worded it (the trigger failed: the emulator then goes on without
 * it), the code alone goes out, so a broken trigger shows in the mailbox.
 */
const sendCognitoMail = async (mail: CognitoMail) => {
  const { SendEmailCommand, ses, mailFrom, mailConfigurationSet, readSupportMailConfig } =
    await loadCognitoHookModules();
  const result = await ses().send(
    new SendEmailCommand({
      FromEmailAddress: mailFrom,
      ReplyToAddresses: [readSupportMailConfig().address],
      ConfigurationSetName: mailConfigurationSet,
      Destination: { ToAddresses: [mail.to] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject || 'Your verification code', Charset: 'UTF-8' },
          Body: {
            Html: { Data: mail.html || `Your verification code is ${mail.code}`, Charset: 'UTF-8' },
          },
        },
      },
    })
  );
  return { messageId: result.MessageId };
};

const route = async (request: IncomingMessage, response: ServerResponse) => {
  const path = request.url ?? '';
  const invocation = INVOKE_PATH.exec(path);
  if (request.method === 'POST' && invocation) {
    const name = decodeURIComponent(invocation[1] ?? '');
    const event = await readBody(request);
    try {
      const result = await invoke(name, event);
      if (result === undefined) {
        return answer(
          response,
          404,
          { message: `Function not found: ${name}` },
          {
            'x-amzn-errortype': 'ResourceNotFoundException',
          }
        );
      }
      return answer(response, 200, result);
    } catch (error) {
      // Lambda's shape for a function that threw: 200, the error in the payload.
      return answer(
        response,
        200,
        { errorMessage: (error as Error).message },
        {
          'x-amz-function-error': 'Unhandled',
        }
      );
    }
  }
  if (request.method === 'POST' && path === '/mail') {
    const mail = await readBody(request);
    if (!isMail(mail)) return answer(response, 400, { message: 'to and code are required' });
    return answer(response, 200, await sendCognitoMail(mail));
  }
  return answer(response, 404, { message: 'not found' });
};

export interface CognitoHooks {
  endpoint: string;
  close(): Promise<void>;
}

export const startCognitoHooks = async (log: (line: string) => void): Promise<CognitoHooks> => {
  const port = await findFreePort();
  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log(`cognito hooks: ${String(error)}`);
      if (!response.headersSent) answer(response, 500, { message: String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOCAL_HOST, () => resolve());
  });
  return {
    endpoint: `http://${LOCAL_HOST}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
