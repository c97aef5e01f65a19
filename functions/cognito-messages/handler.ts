/**
 * The CustomMessage trigger of both user pools (custom-message.ts): reads
 * one login profile, writes nothing.
 */
import { tableStore } from '#core/table/function-store';
import { customMessage } from './custom-message.ts';

export const handler = customMessage(tableStore);
