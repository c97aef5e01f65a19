import { memoryTableStore } from '../support/memory-table/store.ts';
import { describeContacts } from '../support/service-cases/contacts.ts';

describeContacts('the in-memory table', memoryTableStore);
