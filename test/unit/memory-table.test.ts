import { describeTableStore } from '../support/memory-table/cases.ts';
import { memoryTableStore } from '../support/memory-table/store.ts';

describeTableStore('the in-memory table', () => memoryTableStore());
