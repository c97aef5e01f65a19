/**
 * Security mail from the outbox skips an address SES reported (a
 * suppression the feedback function wrote), on DynamoDB Local and the SES
 * emulator.
 */
import { describe, expect, it } from 'vitest';
import { tableStore as store } from '#core/table/function-store';
import { handler as feedback } from '../../functions/feedback/handler.ts';
import { runTask } from '../../functions/outbox/tasks.ts';
import { sesFeedbackMessage, snsEventOf } from '../../scripts/feedback/ses-event.ts';
import { mailTo, waitForMail } from '../support/mailbox.ts';
import { uniqueAddress } from '../support/ticket-mail.ts';

const securityMail = (to: string) => ({
  kind: 'mail' as const,
  to,
  subject: `Your sign-in code ${to}`,
  text: 'Your code is 123456.',
});

describe('outbox security mail and suppression', () => {
  it('never sends security mail to an address that bounced for good', async () => {
    // Prepare
    const bounced = uniqueAddress('security-bounced');
    const message = sesFeedbackMessage({ kind: 'bounce', address: bounced, sesMessageId: bounced });
    await feedback(snsEventOf(JSON.stringify(message)));
    const control = uniqueAddress('security-ok');

    // Act
    await runTask(store, securityMail(bounced));
    await runTask(store, securityMail(control));

    // Assess
    await waitForMail(control, securityMail(control).subject);
    expect(await mailTo(bounced)).toEqual([]);
  });
});
