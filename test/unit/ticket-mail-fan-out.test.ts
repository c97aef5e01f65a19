import { memoryTableStore } from '../support/memory-table/store.ts';
import { describeTicketMail } from '../support/service-cases/ticket-mail.ts';

describeTicketMail('the in-memory table', memoryTableStore);
