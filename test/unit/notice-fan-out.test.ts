import { memoryTableStore } from '../support/memory-table/store.ts';
import { describeNotices } from '../support/service-cases/notices.ts';

describeNotices('the in-memory table', memoryTableStore);
