import { createApiHandler } from '#core/http/stack';
import { tableStore } from '#core/table/function-store';
import { toContactView } from '#core/views/contact';
import { CONTACT_ROUTES } from './routes.ts';
import {
  createContact,
  deleteContact,
  getContact,
  getOwnContact,
  listContacts,
  patchContact,
  patchOwnContact,
} from './service.ts';
import { describeUnsubscribeLink, unsubscribe } from './unsubscribe.ts';

const contactId = (params: Record<string, string>) => params.contactId ?? '';

/** The link's answer says whether its contact receives a category: no cache keeps it. */
const PRIVATE = { 'cache-control': 'no-store' };

export const handler = createApiHandler(CONTACT_ROUTES, {
  listContacts: async ({ caller, query }) => ({
    status: 200,
    body: await listContacts(tableStore, caller, query),
  }),
  createContact: async ({ caller, body, idempotencyKey }) => {
    const { contact, warnings, replayed } = await createContact(
      tableStore,
      caller,
      body,
      idempotencyKey
    );
    return {
      status: 201,
      headers: { location: `/accounts/${contact.accountId}/contacts/${contact.id}` },
      body: { ...toContactView(contact), warnings },
      version: contact.version,
      replayed,
    };
  },
  getContact: async ({ caller, params }) => {
    const contact = await getContact(tableStore, caller.membership.accountId, contactId(params));
    return { status: 200, body: toContactView(contact), version: contact.version };
  },
  patchContact: async ({ caller, params, body, ifMatchVersion }) => {
    const { contact, warnings } = await patchContact(tableStore, caller, contactId(params), body, {
      ifMatch: ifMatchVersion,
      bodyVersion: body.version,
    });
    return { status: 200, body: { ...toContactView(contact), warnings }, version: contact.version };
  },
  deleteContact: async ({ caller, params, ifMatchVersion }) => {
    await deleteContact(tableStore, caller, contactId(params), { ifMatch: ifMatchVersion });
    return { status: 204 };
  },
  getOwnContact: async ({ caller }) => {
    const contact = await getOwnContact(tableStore, caller);
    return { status: 200, body: toContactView(contact), version: contact.version };
  },
  patchOwnContact: async ({ caller, body, ifMatchVersion }) => {
    const { contact, warnings } = await patchOwnContact(tableStore, caller, body, {
      ifMatch: ifMatchVersion,
      bodyVersion: body.version,
    });
    return { status: 200, body: { ...toContactView(contact), warnings }, version: contact.version };
  },
  getUnsubscribe: async ({ query }) => ({
    status: 200,
    headers: PRIVATE,
    body: await describeUnsubscribeLink(tableStore, query.token),
  }),
  postUnsubscribe: async ({ query }) => ({
    status: 200,
    headers: PRIVATE,
    body: await unsubscribe(tableStore, query.token),
  }),
});
