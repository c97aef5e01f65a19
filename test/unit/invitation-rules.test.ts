import { memoryTableStore } from '../support/memory-table/store.ts';
import { describeInvitations } from '../support/service-cases/invitations.ts';

describeInvitations('the in-memory table', memoryTableStore);
