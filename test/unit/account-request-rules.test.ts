import { memoryTableStore } from '../support/memory-table/store.ts';
import { describeAccountRequests } from '../support/service-cases/account-requests.ts';

describeAccountRequests('the in-memory table', memoryTableStore);
