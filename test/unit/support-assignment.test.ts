import { memoryTableStore } from '../support/memory-table/store.ts';
import { describeSupportAssignment } from '../support/support-assignment-cases.ts';

describeSupportAssignment('the in-memory table', memoryTableStore);
