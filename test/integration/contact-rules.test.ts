import { tableStore } from '#core/clients/dynamodb';
import { describeContacts } from '../support/service-cases/contacts.ts';

describeContacts('DynamoDB Local', () => tableStore);
