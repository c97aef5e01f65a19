/**
 * The portal's figures measured in a process of their own (bench/run.ts
 * spawns it): the bench's process already holds SDK clients configured for
 * its own DynamoDB Local, and the portal needs a fresh local stack. Prints
 * the figures on a line of their own, after PORTAL_FIGURES_MARK.
 */
import { measurePortal, PORTAL_FIGURES_MARK } from './portal.ts';

const figures = await measurePortal((line) => process.stderr.write(`bench: ${line}\n`));
process.stdout.write(`\n${PORTAL_FIGURES_MARK}${JSON.stringify(figures)}\n`);
process.exit(0);
