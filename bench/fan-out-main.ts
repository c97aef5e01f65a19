/** `npm run bench:fan-out`: the notice fan-out measure alone (bench/fan-out.ts), as JSON. */
import { applyBenchEnv, startBenchDatabase } from './dynamodb-local.ts';
import { measureFanOut } from './fan-out.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const database = await startBenchDatabase();
try {
  applyBenchEnv(database);
  const runs = await measureFanOut(database, (line) => process.stderr.write(`bench: ${line}\n`));
  process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
} finally {
  await database.stop();
}
process.exit(0);
