import { describe, expectTypeOf, it } from 'vitest';
import type { CONTACT_ROUTES } from '../../functions/contacts/routes.ts';
import type { PathParams, RequestFor } from '../../functions/core/http/types.ts';

describe('PathParams', () => {
  it('names exactly the parameters of a route path, each a string', () => {
    // Assess (checked by the type checker that npm test runs first)
    expectTypeOf<PathParams<'/accounts/{accountId}/contacts/{contactId}'>>().toEqualTypeOf<{
      readonly accountId: string;
      readonly contactId: string;
    }>();
    expectTypeOf<keyof PathParams<'/me'>>().toEqualTypeOf<never>();
  });

  it('types the params a route function receives from its row', () => {
    type GetContact = Extract<(typeof CONTACT_ROUTES)[number], { id: 'getContact' }>;
    expectTypeOf<RequestFor<GetContact>['params']>().toEqualTypeOf<{
      readonly accountId: string;
      readonly contactId: string;
    }>();
  });
});
