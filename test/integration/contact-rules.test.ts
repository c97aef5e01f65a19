import { tableStore } from '#core/table/function-store';
import { describeContacts } from '../support/service-cases/contacts.ts';

describeContacts('DynamoDB Local', () => tableStore);
