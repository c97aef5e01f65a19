import { memoryTableStore } from '../support/memory-table/store.ts';
import { describeSupportAssignment } from '../support/service-cases/support-assignment.ts';

describeSupportAssignment('the in-memory table', memoryTableStore);
