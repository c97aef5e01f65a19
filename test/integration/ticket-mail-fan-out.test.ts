import { tableStore } from '#core/table/function-store';
import { describeTicketMail } from '../support/service-cases/ticket-mail.ts';

describeTicketMail('DynamoDB Local', () => tableStore);
