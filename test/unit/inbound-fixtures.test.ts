/**
 * Every real-world message and SES receipt event of the shared fixtures
 * folder (never copied into the repository) through the inbound rules:
 * each is parsed and ends as a ticket, a refusal or a drop, never a crash.
 * Skips, saying so, when the folder is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '#core/entities/contact';
import { addressIn } from '../../functions/inbound/event.ts';
import { headersOf } from '../../local/ses-receipt.ts';
import { composeMail, inboundOn } from '../support/inbound.ts';
import { memoryTableStore } from '../support/memory-table/store.ts';
import { newAccount, storeAccount } from '../support/store-accounts.ts';

const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
const present = existsSync(FIXTURES);
if (!present)
  console.warn(`mail fixtures not found at ${FIXTURES}: the inbound fixture cases skip.`);

const filesUnder = (dir: string, keep: (name: string) => boolean): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .sort()
        .flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? filesUnder(path, keep) : keep(name) ? [path] : [];
        })
    : [];

const messages = present ? filesUnder(FIXTURES, (name) => /\.(eml|mail|msg)$/.test(name)) : [];
const events = present
  ? filesUnder(join(FIXTURES, 'ses-events'), (name) => /\.(json|txt)$/.test(name))
  : [];
const OUTCOMES = ['opened', 'replied', 'refused', 'dropped'];

describe.skipIf(!present)('the inbound rules on real-world mail', () => {
  it.each(messages.map((path) => [path.slice(FIXTURES.length), path]))(
    'parses or refuses %s cleanly',
    async (_, path) => {
      // Prepare: the From address is a registered contact, so the mail reaches the parser.
      const raw = readFileSync(path);
      const store = memoryTableStore();
      const from = addressIn(headersOf(raw).find((h) => h.name.toLowerCase() === 'from')?.value);
      const account = newAccount();
      if (from)
        await storeAccount(store, {
          contacts: [{ ...account.primary, email: normaliseEmail(from) }],
        });

      // Act
      const result = await inboundOn(store).deliver({
        raw,
        envelopeSender: from || 'someone@example.org',
      });

      // Assess
      expect(OUTCOMES).toContain(result.outcome);
    }
  );

  it.each(events.map((path) => [path.slice(FIXTURES.length), path]))(
    'handles the SES event %s or drops it as not a receipt, never crashing',
    async (_, path) => {
      // Prepare
      const text = readFileSync(path, 'utf8');
      let event: unknown;
      try {
        event = JSON.parse(text);
      } catch {
        event = { Records: [] };
      }
      const { handlerOn } = await import('../support/inbound-handler.ts');
      const raw = await composeMail({ from: 'someone@example.org' });

      // Act
      const handled = handlerOn(memoryTableStore(), raw)(event);

      // Assess
      await expect(handled).resolves.toBeUndefined();
    }
  );
});
