import { tableStore } from '#core/table/function-store';
import { describeTickets } from '../support/service-cases/tickets.ts';

describeTickets('DynamoDB Local', () => tableStore);
