import { memoryTableStore } from '../support/memory-table/store.ts';
import { describeInbound } from '../support/service-cases/inbound.ts';

describeInbound('the in-memory table', memoryTableStore);
