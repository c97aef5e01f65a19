import { memoryTableStore } from '../support/memory-table/store.ts';
import { describeTickets } from '../support/service-cases/tickets.ts';

describeTickets('the in-memory table', memoryTableStore);
