/**
 * Lambda memory per function, in MB, chosen from what `npm run bench`
 * measures (docs/performance.md, "Memory per function"). The rule:
 *
 * - at least the measured peak memory × MEMORY_HEADROOM (the bench fails a
 *   function whose peak no longer fits, and a unit test holds this table
 *   to the committed results);
 * - at least the function's CPU floor: Lambda gives CPU in proportion to
 *   memory (one vCPU at 1,769 MB), so a size far above the peak still buys
 *   a faster cold start and request. A function people wait on gets 512 MB
 *   (about 0.29 vCPU); one that waits on nothing but events or a tiny
 *   bundle gets 256 MB; the work that is CPU-bound in bulk (a notice's
 *   fan-out, parsing 10 MB mail) keeps 1,024 MB.
 *
 * A function missing here runs with the stage's `lambda.memoryMb`.
 */
export const MEMORY_HEADROOM = 1.5;

/** The sizes the rule rounds up to. */
export const MEMORY_STEPS_MB = [256, 512, 1024, 1536, 2048] as const;

export const FUNCTION_MEMORY_MB: Readonly<Record<string, number>> = {
  // Answers /health, /config and nothing else; a 23 KB bundle.
  public: 256,
  // API functions: a person waits on each answer.
  me: 512,
  account: 512,
  contacts: 512,
  logins: 512,
  services: 512,
  tickets: 512,
  billing: 512,
  staff: 512,
  // Stream workers: the outbox and the mailer wait on SES and Cognito.
  outbox: 512,
  mailer: 512,
  // Writes a notice's deliveries for thousands of recipients per batch.
  notify: 1024,
  // One SNS message per bounce or complaint.
  feedback: 256,
  // Cognito waits at most 5 s for the trigger; a small bundle formatting one message.
  'cognito-messages': 256,
  // Parses mail of up to 10 MB, held several times over while parsing.
  inbound: 1024,
};

/** The smallest step holding `peakMb` × MEMORY_HEADROOM. */
export const memoryForPeak = (peakMb: number): number =>
  MEMORY_STEPS_MB.find((step) => step >= peakMb * MEMORY_HEADROOM) ?? 2048;
