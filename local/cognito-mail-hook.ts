/**
 * Loaded into cognito-local's process (`node --import`). The emulator has
 * no setting for where its codes go: it prints each email
 * (ConsoleMessageSender). This keeps the print and also hands the email,
 * subject and message as the CustomMessage trigger worded them and the code
 * in place, to the local stack (PORTICO_COGNITO_HOOKS, see
 * local/cognito-hooks.ts), which sends it through SES as Cognito would. A
 * delivery that fails fails the emulator's request, as in AWS.
 */
import { createRequire } from 'node:module';

interface ConsoleMessage {
  __code: string;
  emailSubject?: string;
  emailMessage?: string;
}

type SendEmail = (
  ctx: unknown,
  user: unknown,
  to: string,
  message: ConsoleMessage
) => Promise<void>;

const require = createRequire(import.meta.url);
const { ConsoleMessageSender } =
  require('cognito-local/lib/services/messageDelivery/consoleMessageSender.js') as {
    ConsoleMessageSender: { prototype: { sendEmail: SendEmail } };
  };

const hooks = process.env.PORTICO_COGNITO_HOOKS;
if (!hooks) throw new Error('PORTICO_COGNITO_HOOKS is not set: start cognito-local through local/');

const print = ConsoleMessageSender.prototype.sendEmail;
ConsoleMessageSender.prototype.sendEmail = async function (ctx, user, to, message) {
  await print.call(this, ctx, user, to, message);
  const response = await fetch(`${hooks}/mail`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      to,
      code: message.__code,
      subject: message.emailSubject,
      html: message.emailMessage,
    }),
  });
  if (!response.ok) throw new Error(`local mail delivery failed: ${await response.text()}`);
};
