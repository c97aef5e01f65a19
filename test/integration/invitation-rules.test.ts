import { tableStore } from '#core/table/function-store';
import { describeInvitations } from '../support/service-cases/invitations.ts';

describeInvitations('DynamoDB Local', () => tableStore);
