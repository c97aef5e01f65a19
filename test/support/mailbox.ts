/** Reads what the SES emulator received, the way a person would read their inbox. */
export interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  /** The headers SendEmail gave (Simple content's `Headers`). */
  headers?: { name: string; value: string }[];
  at: number;
}

/** A header of a stored mail, by name in any case. */
export const headerOf = (mail: StoredEmail, name: string) =>
  mail.headers?.find((header) => header.name.toLowerCase() === name.toLowerCase())?.value;

const sesEndpoint = () => {
  const value = process.env.AWS_ENDPOINT_URL_SESV2;
  if (!value)
    throw new Error('AWS_ENDPOINT_URL_SESV2 is not set; is the test global setup running?');
  return value;
};

/**
 * The emulator keeps every mail of the run; a test file only waits for mail
 * it caused, so it asks for what arrived since it loaded (in the emulator's
 * whole seconds, with a second to spare) instead of thousands of bodies.
 */
const loadedAtSeconds = Math.floor(Date.now() / 1000) - 1;

export const mailTo = async (address: string): Promise<StoredEmail[]> => {
  const response = await fetch(`${sesEndpoint()}/store?since=${loadedAtSeconds}`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails.filter((email) => email.destination.to.includes(address));
};

/**
 * Mail leaves through the outbox and the stream, so it arrives shortly after
 * the request; in a full run on two busy cores, seconds after it.
 */
export const waitForMail = async (address: string, subject: string, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailTo(address)).find((mail) => mail.subject === subject);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`No mail "${subject}" reached ${address} in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Retries an async check until it passes (for effects that follow through the outbox). */
export const eventually = async <T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
};
