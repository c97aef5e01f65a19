/**
 * `npm run feedback -- <bounce|complaint|transient> ADDRESS [--message-id ID]`:
 * the SES emulator sends no bounces or complaints, so this builds one in
 * SES's own format (configuration-set event publishing, in its SNS record)
 * and hands it to the feedback function's code on the running local stack
 * (`npm start`, PORT, default 3000). Without --message-id it reports on the
 * last mail sent to the address (docs/local.md).
 * Exit status: 0 done, 2 could not run.
 */
import { parseArgs } from 'node:util';
import { dynamoTableStore } from '#core/table/store';
import { feedFeedback } from './feedback/last-delivery.ts';
import { FEEDBACK_KINDS, type FeedbackKind } from './feedback/ses-event.ts';
import { createDocumentClient } from './local-stack/clients.ts';
import { readRunningStack } from './local-stack/running-stack.ts';

const USAGE = 'usage: npm run feedback -- <bounce|complaint|transient> ADDRESS [--message-id ID]';

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'message-id': { type: 'string' } },
});
const [kind, address] = positionals;
if (!FEEDBACK_KINDS.includes(kind as FeedbackKind) || !address?.includes('@')) fail(USAGE);

const port = Number(process.env.PORT ?? 3000);
const stack =
  (await readRunningStack(port)) ?? fail(`No local stack on port ${port}: run npm start.`);
const store = dynamoTableStore(createDocumentClient(stack), stack.tableName);
const result = await feedFeedback(store, {
  kind: kind as FeedbackKind,
  address: address as string,
  ...(values['message-id'] ? { sesMessageId: values['message-id'] } : {}),
});
console.info(
  result.about
    ? `${kind} of ${address} reported on "${result.about.subject}" (${result.about.at}, SES id ${result.sesMessageId}).`
    : `${kind} of ${address} reported on SES id ${result.sesMessageId}, which names no mail Portico sent (a bounce or complaint then only suppresses the address).`
);
