import { memoryTableStore } from '../support/memory-table/store.ts';
import { describeStaffLoading } from '../support/service-cases/staff-loading.ts';

describeStaffLoading('the in-memory table', memoryTableStore);
