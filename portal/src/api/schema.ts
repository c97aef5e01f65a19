// Generated from docs/openapi.json by `npm run portal:types`; do not edit.
export interface paths {
  "/health": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Health"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/config": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["ClientConfig"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/me": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Me"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/me/invitations/{accountId}": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["AcceptedInvitation"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: {
        headers: {
          [name: string]: unknown;
        };
        content: never;
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    patch?: never;
  };
  "/me/email-change": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["OwnEmailChange"];
      } };
      responses: {
        202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["OwnEmail"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem429"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/me/email-verification": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["OwnEmailConfirmation"];
      } };
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["OwnEmail"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/password-suggestion": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["PasswordSuggestion"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/staff/me": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["StaffMe"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Account"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch: {
      parameters: {
        query?: never;
        header?: {
          "if-match"?: string;
        };
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["MyDetailsPatch"];
      } };
      responses: {
        200: {
        headers: {
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Account"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        412: {
        headers: {
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem412"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem429"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
  };
  "/accounts/{accountId}/email-verification": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["EmailChangeConfirmation"];
      } };
      responses: {
        200: {
        headers: {
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Account"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/audit": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["AuditPage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/emails": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["EmailLogPage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/contacts/{contactId}/emails": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          accountId: string;
          contactId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["EmailLogPage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/my-contact/emails": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["EmailLogPage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/contacts": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["ContactPage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: {
          "idempotency-key"?: string;
        };
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["ContactCreate"];
      } };
      responses: {
        201: {
        headers: {
          ETag: string;
          Location: string;
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["ContactWithWarnings"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem422"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/contacts/{contactId}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
          contactId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Contact"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: {
          "if-match"?: string;
        };
        path: {
          accountId: string;
          contactId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: {
        headers: {
          [name: string]: unknown;
        };
        content: never;
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        412: {
        headers: {
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem412"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    patch: {
      parameters: {
        query?: never;
        header?: {
          "if-match"?: string;
        };
        path: {
          accountId: string;
          contactId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["ContactPatch"];
      } };
      responses: {
        200: {
        headers: {
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["ContactWithWarnings"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        412: {
        headers: {
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem412"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
  };
  "/accounts/{accountId}/my-contact": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Contact"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch: {
      parameters: {
        query?: never;
        header?: {
          "if-match"?: string;
        };
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["OwnContactPatch"];
      } };
      responses: {
        200: {
        headers: {
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["ContactWithWarnings"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        412: {
        headers: {
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem412"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
  };
  "/unsubscribe": {
    get: {
      parameters: {
        query: {
          token: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["UnsubscribeLink"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem410"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query: {
          token: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: {
        "application/x-www-form-urlencoded": components['schemas']["OneClickUnsubscribe"];
      } };
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["UnsubscribeLink"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem410"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/account-requests": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["AccountRequest"];
      } };
      responses: {
        202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["AccountRequestReceived"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem429"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/contacts/{contactId}/sub-account": {
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
          contactId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["SubAccountPut"];
      } };
      responses: {
        200: {
        headers: {
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Contact"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem429"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
          contactId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: {
        headers: {
          [name: string]: unknown;
        };
        content: never;
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
          contactId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["SubAccountPatch"];
      } };
      responses: {
        200: {
        headers: {
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Contact"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
  };
  "/accounts/{accountId}/services": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["ServicePage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/services/{serviceId}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
          serviceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Service"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/services/{serviceId}/ips": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
          serviceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["ServiceIpPage"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/services/{serviceId}/support-contacts/{contactId}": {
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: {
          "if-match"?: string;
        };
        path: {
          accountId: string;
          serviceId: string;
          contactId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Service"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        412: {
        headers: {
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem412"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: {
          "if-match"?: string;
        };
        path: {
          accountId: string;
          serviceId: string;
          contactId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: {
        headers: {
          [name: string]: unknown;
        };
        content: never;
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        412: {
        headers: {
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem412"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    patch?: never;
  };
  "/accounts/{accountId}/domains": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["ServicePage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/domains/{domainId}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
          domainId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Service"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/domains/{domainId}/support-contacts/{contactId}": {
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: {
          "if-match"?: string;
        };
        path: {
          accountId: string;
          domainId: string;
          contactId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Service"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        412: {
        headers: {
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem412"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: {
          "if-match"?: string;
        };
        path: {
          accountId: string;
          domainId: string;
          contactId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: {
        headers: {
          [name: string]: unknown;
        };
        content: never;
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        412: {
        headers: {
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem412"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    patch?: never;
  };
  "/accounts/{accountId}/tickets": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          status?: ("open" | "answered" | "customer-reply" | "closed");
        };
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["TicketPage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: {
          "idempotency-key"?: string;
        };
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["TicketCreate"];
      } };
      responses: {
        201: {
        headers: {
          Location: string;
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["TicketDetail"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem422"];
        };
        };
        429: {
        headers: {
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem429"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/ticket-uploads": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["TicketUploadDeclaration"];
      } };
      responses: {
        201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["TicketUpload"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem429"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
        503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem503"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/tickets/{ticketId}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
          ticketId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["TicketDetail"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/tickets/{ticketId}/replies": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: {
          "idempotency-key"?: string;
        };
        path: {
          accountId: string;
          ticketId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["TicketReplyInput"];
      } };
      responses: {
        201: {
        headers: {
          Location: string;
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["TicketReply"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem422"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/tickets/{ticketId}/close": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
          ticketId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Ticket"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/staff/tickets": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          status?: string;
          order?: ("newest" | "oldest");
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["StaffTicketPage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/staff/tickets/{ticketId}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          ticketId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["StaffTicketDetail"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/staff/tickets/{ticketId}/replies": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: {
          "idempotency-key"?: string;
        };
        path: {
          ticketId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["TicketAnswerInput"];
      } };
      responses: {
        201: {
        headers: {
          Location: string;
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["StaffTicketReply"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem422"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/staff/tickets/{ticketId}/status": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: {
          "if-match"?: string;
        };
        path: {
          ticketId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["TicketStatusSet"];
      } };
      responses: {
        200: {
        headers: {
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["StaffTicket"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        412: {
        headers: {
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem412"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/staff/requesters": {
    get: {
      parameters: {
        query: {
          cursor?: string;
          limit?: number;
          email: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Requester"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/staff/inbound-refusals": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["InboundRefusalPage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/invoices": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["InvoicePage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/invoices/{invoiceNumber}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
          invoiceNumber: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["Invoice"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/invoices/{invoiceNumber}/pdf": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
          invoiceNumber: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["InvoicePdfLink"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/services/{serviceId}/calls": {
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          accountId: string;
          serviceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["CallRecordPage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/services/{serviceId}/traffic": {
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
          cursor?: string;
          limit?: number;
          ip?: string;
        };
        header?: never;
        path: {
          accountId: string;
          serviceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["TrafficSamplePage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/accounts/{accountId}/services/{serviceId}/traffic/totals": {
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
        };
        header?: never;
        path: {
          accountId: string;
          serviceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["TrafficTotals"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem403"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/staff/accounts": {
    get: {
      parameters: {
        query?: {
          contract?: string;
          email?: string;
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["StaffAccountPage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["StaffAccountLoad"];
      } };
      responses: {
        200: {
        headers: {
          "Content-Location": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["StaffAccount"];
        };
        };
        201: {
        headers: {
          Location: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["StaffAccount"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/staff/accounts/{accountId}/services": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["StaffServiceLoad"];
      } };
      responses: {
        200: {
        headers: {
          "Content-Location": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["StaffService"];
        };
        };
        201: {
        headers: {
          Location: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["StaffService"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/staff/accounts/{accountId}/invoices": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["StaffInvoiceLoad"];
      } };
      responses: {
        200: {
        headers: {
          "Content-Location": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["StaffInvoice"];
        };
        };
        201: {
        headers: {
          Location: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["StaffInvoice"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/staff/accounts/{accountId}/invoices/{invoiceNumber}/pdf": {
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
          invoiceNumber: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/pdf": string;
      } };
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["StaffInvoice"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem413"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/staff/accounts/{accountId}/services/{serviceId}/usage": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
          serviceId: string;
        };
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["StaffUsageLoad"];
      } };
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["UsageLoaded"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem409"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/staff/external-ids/{kind}/{externalId}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          kind: ("account" | "service" | "invoice");
          externalId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["ExternalIdTarget"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/staff/accounts/{accountId}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["StaffAccountDetail"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/staff/notices": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["NoticePage"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: {
          "idempotency-key"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: { content: {
        "application/json": components['schemas']["NoticeCreate"];
      } };
      responses: {
        202: {
        headers: {
          Location: string;
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["NoticeAccepted"];
        };
        };
        400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem400"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem415"];
        };
        };
        422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem422"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/staff/notices/{noticeId}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          noticeId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["NoticeStatus"];
        };
        };
        401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem401"];
        };
        };
        404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem404"];
        };
        };
        429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components['schemas']["GatewayThrottled"];
        };
        };
        500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components['schemas']["Problem500"];
        };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
}
export interface components {
  schemas: {
    OwnEmailChange: {
      email: string;
    };
    OwnEmailConfirmation: {
      code: string;
    };
    MyDetailsPatch: {
      firstName?: string;
      lastName?: string;
      companyName?: (string | null);
      phone?: string;
      address?: components['schemas']["AddressInput"];
      language?: ("en" | "es");
      emailPreferences?: components['schemas']["EmailPreferencesInput"];
      email?: string;
      version?: number;
    };
    AddressInput: {
      line1: string;
      line2?: string;
      city: string;
      region?: string;
      postcode: string;
      country: string;
    };
    EmailPreferencesInput: {
      general?: boolean;
      product?: boolean;
      domain?: boolean;
      invoice?: boolean;
      support?: boolean;
    };
    EmailChangeConfirmation: {
      code: string;
    };
    ContactCreate: {
      kind?: ("individual" | "organisation");
      firstName: string;
      lastName: string;
      companyName?: string;
      taxId?: string;
      email: string;
      phone: string;
      address: components['schemas']["AddressInput"];
      language?: ("en" | "es");
      emailPreferences?: components['schemas']["EmailPreferencesInput"];
      supportScope?: ("none" | "isolated" | "global");
    };
    ContactPatch: {
      kind?: ("individual" | "organisation");
      firstName?: string;
      lastName?: string;
      companyName?: (string | null);
      phone?: string;
      address?: components['schemas']["AddressInput"];
      language?: ("en" | "es");
      emailPreferences?: components['schemas']["EmailPreferencesInput"];
      taxId?: (string | null);
      email?: string;
      supportScope?: ("none" | "isolated" | "global");
      version?: number;
    };
    OwnContactPatch: {
      firstName?: string;
      lastName?: string;
      companyName?: (string | null);
      phone?: string;
      address?: components['schemas']["AddressInput"];
      language?: ("en" | "es");
      emailPreferences?: components['schemas']["EmailPreferencesInput"];
      version?: number;
    };
    OneClickUnsubscribe: {
      "List-Unsubscribe": "One-Click";
    };
    AccountRequest: {
      contractNumber: string;
      email: string;
    };
    SubAccountPut: {
      permissions?: ("profile" | "contacts" | "services" | "services:manage" | "domains" | "domains:manage" | "invoices" | "usage" | "tickets" | "emails")[];
      preset?: "full";
      password?: string;
      invite?: true;
    };
    SubAccountPatch: {
      status: ("active" | "suspended");
    };
    TicketCreate: {
      subject: string;
      body: string;
      department?: ("technical" | "billing" | "sales");
      serviceId?: string;
      attachments?: string[];
    };
    TicketUploadDeclaration: {
      filename: string;
      contentType: ("application/pdf" | "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "application/zip" | "text/plain" | "text/csv");
      size: number;
    };
    TicketReplyInput: {
      body: string;
      attachments?: string[];
    };
    TicketAnswerInput: {
      body: string;
    };
    TicketStatusSet: {
      status: ("open" | "answered" | "closed");
      version?: number;
    };
    StaffAccountLoad: {
      externalId: string;
      name: string;
      contractNumbers: string[];
      hostedDomains?: string[];
      primaryContact: {
        firstName: string;
        lastName: string;
        companyName?: string;
        email: string;
        phone: string;
        address: components['schemas']["AddressInput"];
      };
    };
    StaffServiceLoad: {
      externalId: string;
      type: ("hosting" | "vps" | "voip" | "serverhousing" | "domain");
      label: string;
      status: ("pending" | "active" | "suspended" | "cancelled");
      contractNumber: string;
      server?: string;
      ips?: string[];
    };
    StaffInvoiceLoad: {
      number: string;
      issuedAt: string;
      dueAt: string;
      paidAt?: string;
      currency: string;
      net: string;
      tax: string;
      total: string;
      status: ("open" | "paid" | "overdue" | "void");
      lines: {
        description: string;
        quantity: number;
        unitPrice: string;
        net: string;
        tax: string;
        total: string;
        contractNumber?: string;
        serviceId?: string;
      }[];
    };
    StaffUsageLoad: {
      calls?: {
        id: string;
        startedAt: string;
        direction: ("inbound" | "outbound");
        from: string;
        to: string;
        durationSeconds: number;
        charge?: string;
        currency?: string;
      }[];
      traffic?: {
        ip: string;
        at: string;
        periodSeconds: number;
        inBytes: number;
        outBytes: number;
      }[];
    };
    NoticeCreate: {
      category: ("general" | "product" | "domain");
      scope: components['schemas']["NoticeScope"];
      subject: string;
      text: string;
      html?: string;
    };
    NoticeScope: {
      accountIds?: string[];
      services?: {
        accountId: string;
        serviceId: string;
      }[];
      server?: string;
      serviceType?: ("hosting" | "vps" | "voip" | "serverhousing" | "domain");
      domains?: string[];
      everyone?: true;
    };
    Health: {
      status: "ok";
    };
    GatewayThrottled: {
      message: string;
    };
    Problem500: (components['schemas']["Problem"] & ({
      type: "https://portico.example/problems/internal-error";
      status: 500;
    } & Partial<Record<string, unknown>>));
    Problem: {
      type: string;
      title: string;
      status: number;
      detail: string;
      errors?: components['schemas']["FieldError"][];
      area?: ("profile" | "contacts" | "services" | "services:manage" | "domains" | "domains:manage" | "invoices" | "usage" | "tickets" | "emails");
      allowedAreas?: ("profile" | "contacts" | "services" | "services:manage" | "domains" | "domains:manage" | "invoices" | "usage" | "tickets" | "emails")[];
      grantedBy?: {
        name: string;
      };
      field?: string;
      retryAfterSeconds?: number;
      currentVersion?: number;
      supportScope?: string;
      allowedServiceIds?: string[];
      contractNumber?: string;
      existingContactId?: string;
    };
    FieldError: {
      field: string;
      code: ("required" | "invalid_type" | "unknown_field" | "too_short" | "too_long" | "too_few" | "too_many" | "too_small" | "too_big" | "not_integer" | "pattern" | "control_characters" | "invalid_email" | "invalid_ip" | "invalid_date" | "invalid_country" | "invalid_domain" | "not_allowed" | "duplicate" | "either_or" | "not_combinable" | "not_applicable" | "no_change" | "date_order" | "amount_digits" | "sum_mismatch" | "code_incorrect" | "code_expired" | "weak_password" | "unknown_reference" | "already_used" | "not_uploaded" | "file_mismatch" | "invalid");
      message: string;
      allowed?: (string | number | boolean)[];
      minimum?: number;
      maximum?: number;
    };
    ClientConfig: {
      region: string;
      userPoolId: string;
      userPoolClientId: string;
      staff: {
        userPoolId: string;
        userPoolClientId: string;
      };
      cognitoEndpoint?: string;
    };
    Me: {
      id: string;
      name: string;
      email: string;
      accounts: {
        accountId: string;
        accountName: string;
        role: ("primary" | "sub-account");
        status: ("active" | "suspended");
        permissions: ("profile" | "contacts" | "services" | "services:manage" | "domains" | "domains:manage" | "invoices" | "usage" | "tickets" | "emails")[];
        contactId: string;
        supportScope: ("none" | "isolated" | "global");
        assignedServiceIds: string[];
      }[];
      invitations: {
        accountId: string;
        accountName: string;
        role: ("primary" | "sub-account");
        permissions: ("profile" | "contacts" | "services" | "services:manage" | "domains" | "domains:manage" | "invoices" | "usage" | "tickets" | "emails")[];
        invitedAt: string;
      }[];
    };
    Problem401: (components['schemas']["Problem"] & ({
      type: ("https://portico.example/problems/unauthorized" | "https://portico.example/problems/access-token-required" | "https://portico.example/problems/staff-token-required" | "https://portico.example/problems/session-ended" | "https://portico.example/problems/staff-login-inactive");
      status: 401;
    } & Partial<Record<string, unknown>>));
    AcceptedInvitation: {
      accountId: string;
      role: ("primary" | "sub-account");
      status: "active";
      permissions: ("profile" | "contacts" | "services" | "services:manage" | "domains" | "domains:manage" | "invoices" | "usage" | "tickets" | "emails")[];
    };
    Problem404: (components['schemas']["Problem"] & ({
      type: ("https://portico.example/problems/not-found" | "https://portico.example/problems/no-profile");
      status: 404;
    } & Partial<Record<string, unknown>>));
    Problem409: (components['schemas']["Problem"] & ({
      type: ("https://portico.example/problems/conflict" | "https://portico.example/problems/stale-body-version" | "https://portico.example/problems/changed-meanwhile" | "https://portico.example/problems/primary-contact-protected" | "https://portico.example/problems/no-sub-account" | "https://portico.example/problems/invitation-pending" | "https://portico.example/problems/invitation-gone" | "https://portico.example/problems/already-member" | "https://portico.example/problems/existing-login-password" | "https://portico.example/problems/contact-email-taken" | "https://portico.example/problems/contact-email-is-login" | "https://portico.example/problems/own-login-email" | "https://portico.example/problems/login-email-taken" | "https://portico.example/problems/login-email-unproven" | "https://portico.example/problems/no-email-change-pending" | "https://portico.example/problems/code-replaced" | "https://portico.example/problems/contract-taken" | "https://portico.example/problems/login-taken" | "https://portico.example/problems/external-id-taken" | "https://portico.example/problems/service-type-fixed" | "https://portico.example/problems/wrong-service-type" | "https://portico.example/problems/support-scope-none" | "https://portico.example/problems/contact-support-limit" | "https://portico.example/problems/service-support-limit" | "https://portico.example/problems/ticket-full" | "https://portico.example/problems/traffic-ip-limit" | "https://portico.example/problems/idempotency-key-in-use");
      status: 409;
    } & Partial<Record<string, unknown>>));
    OwnEmail: {
      email: string;
      pendingEmail: (string | null);
      expiresAt?: string;
    };
    Problem400: (components['schemas']["Problem"] & ({
      type: ("https://portico.example/problems/bad-request" | "https://portico.example/problems/validation-failed" | "https://portico.example/problems/invalid-json" | "https://portico.example/problems/invalid-cursor" | "https://portico.example/problems/invalid-if-match" | "https://portico.example/problems/invalid-idempotency-key" | "https://portico.example/problems/file-not-of-type" | "https://portico.example/problems/invalid-unsubscribe-link");
      status: 400;
    } & Partial<Record<string, unknown>>));
    Problem415: (components['schemas']["Problem"] & ({
      type: "https://portico.example/problems/unsupported-media-type";
      status: 415;
    } & Partial<Record<string, unknown>>));
    Problem429: (components['schemas']["Problem"] & ({
      type: "https://portico.example/problems/rate-limited";
      status: 429;
    } & Partial<Record<string, unknown>>));
    PasswordSuggestion: {
      password: string;
      policy: ({
        minLength: number;
      } & Partial<Record<string, unknown>>);
    };
    StaffMe: {
      id: string;
      username: string;
      email: string;
      name: string;
    };
    Account: {
      id: string;
      name: string;
      status: ("active" | "suspended" | "closed");
      contracts: string[];
      primaryContact: components['schemas']["Contact"];
      version: number;
    };
    Contact: {
      id: string;
      kind: ("individual" | "organisation");
      firstName: string;
      lastName: string;
      companyName?: string;
      taxId?: string;
      email: string;
      pendingEmail?: string;
      emailStatus?: {
        status: ("bounced" | "complained");
        at: string;
      };
      phone: string;
      address: components['schemas']["Address"];
      language: ("en" | "es");
      emailPreferences: components['schemas']["EmailPreferences"];
      supportScope: ("none" | "isolated" | "global");
      assignedServices: {
        id: string;
        type: ("hosting" | "vps" | "voip" | "serverhousing" | "domain");
      }[];
      subAccount: ({
        status: ("active" | "suspended" | "invited");
        permissions: ("profile" | "contacts" | "services" | "services:manage" | "domains" | "domains:manage" | "invoices" | "usage" | "tickets" | "emails")[];
      } | null);
      isPrimary: boolean;
      version: number;
    };
    Address: {
      line1: string;
      line2?: string;
      city: string;
      region?: string;
      postcode: string;
      country: string;
    };
    EmailPreferences: {
      general: boolean;
      product: boolean;
      domain: boolean;
      invoice: boolean;
      support: boolean;
    };
    Problem403: (components['schemas']["Problem"] & ({
      type: ("https://portico.example/problems/forbidden" | "https://portico.example/problems/login-suspended" | "https://portico.example/problems/area-not-granted" | "https://portico.example/problems/primary-only" | "https://portico.example/problems/self-change-refused" | "https://portico.example/problems/grant-beyond-own" | "https://portico.example/problems/login-holds-more" | "https://portico.example/problems/login-reaches-more" | "https://portico.example/problems/support-scope-too-wide" | "https://portico.example/problems/service-out-of-reach" | "https://portico.example/problems/usage-out-of-reach" | "https://portico.example/problems/service-not-assigned" | "https://portico.example/problems/no-support-access" | "https://portico.example/problems/support-access-changed");
      status: 403;
    } & Partial<Record<string, unknown>>));
    Problem412: (components['schemas']["Problem"] & ({
      type: "https://portico.example/problems/stale-version";
      status: 412;
    } & Partial<Record<string, unknown>>));
    AuditPage: {
      items: {
        id: string;
        at: string;
        actor: ({
          kind: "login";
          loginId: string;
          name: string;
        } | {
          kind: "staff";
          name: "Helpdesk";
        } | {
          kind: "contact";
          via: "unsubscribe-link";
          name: string;
        });
        action: string;
        target: string;
        changes: Partial<Record<string, {
            before: unknown;
            after: unknown;
          }>>;
      }[];
      cursor: (string | null);
    };
    EmailLogPage: {
      items: {
        id: string;
        at: string;
        to: string;
        contactId?: string;
        category: ("general" | "product" | "domain" | "invoice" | "support" | "security");
        subject: string;
        status: ("queued" | "sending" | "sent" | "suppressed" | "failed" | "bounced" | "complained");
      }[];
      cursor: (string | null);
    };
    ContactPage: {
      items: components['schemas']["Contact"][];
      cursor: (string | null);
    };
    ContactWithWarnings: {
      id: string;
      kind: ("individual" | "organisation");
      firstName: string;
      lastName: string;
      companyName?: string;
      taxId?: string;
      email: string;
      pendingEmail?: string;
      emailStatus?: {
        status: ("bounced" | "complained");
        at: string;
      };
      phone: string;
      address: components['schemas']["Address"];
      language: ("en" | "es");
      emailPreferences: components['schemas']["EmailPreferences"];
      supportScope: ("none" | "isolated" | "global");
      assignedServices: {
        id: string;
        type: ("hosting" | "vps" | "voip" | "serverhousing" | "domain");
      }[];
      subAccount: ({
        status: ("active" | "suspended" | "invited");
        permissions: ("profile" | "contacts" | "services" | "services:manage" | "domains" | "domains:manage" | "invoices" | "usage" | "tickets" | "emails")[];
      } | null);
      isPrimary: boolean;
      version: number;
      warnings: {
        code: string;
        message: string;
      }[];
    };
    Problem422: (components['schemas']["Problem"] & ({
      type: ("https://portico.example/problems/unprocessable-content" | "https://portico.example/problems/unknown-reference" | "https://portico.example/problems/idempotency-key-reused" | "https://portico.example/problems/upload-unknown" | "https://portico.example/problems/upload-used" | "https://portico.example/problems/upload-missing" | "https://portico.example/problems/upload-mismatch");
      status: 422;
    } & Partial<Record<string, unknown>>));
    UnsubscribeLink: {
      category: ("general" | "product" | "domain" | "invoice" | "support");
      address: string;
      subscribed: boolean;
    };
    Problem410: (components['schemas']["Problem"] & ({
      type: "https://portico.example/problems/unsubscribe-link-gone";
      status: 410;
    } & Partial<Record<string, unknown>>));
    AccountRequestReceived: {
      status: "received";
      message: string;
    };
    ServicePage: {
      items: components['schemas']["Service"][];
      cursor: (string | null);
    };
    Service: {
      id: string;
      type: ("hosting" | "vps" | "voip" | "serverhousing" | "domain");
      label: string;
      status: ("pending" | "active" | "suspended" | "cancelled");
      contractNumber?: string;
      server?: string;
      supportContacts: {
        id: string;
        name: string;
        email: string;
        supportScope: ("isolated" | "global");
      }[];
      support: ("assigned" | "deactivated");
      version: number;
    };
    ServiceIpPage: {
      items: {
        ip: string;
      }[];
      cursor: null;
    };
    TicketPage: {
      items: components['schemas']["Ticket"][];
      cursor: (string | null);
    };
    Ticket: {
      id: string;
      subject: string;
      department: ("technical" | "billing" | "sales");
      serviceId?: string;
      status: ("open" | "answered" | "customer-reply" | "closed");
      openedBy: {
        contactId?: string;
        name: string;
        email: string;
      };
      messageCount: number;
      createdAt: string;
      updatedAt: string;
    };
    TicketDetail: {
      id: string;
      subject: string;
      department: ("technical" | "billing" | "sales");
      serviceId?: string;
      status: ("open" | "answered" | "customer-reply" | "closed");
      openedBy: {
        contactId?: string;
        name: string;
        email: string;
      };
      messageCount: number;
      createdAt: string;
      updatedAt: string;
      messages: components['schemas']["TicketMessage"][];
    };
    TicketMessage: {
      id: string;
      author: {
        kind: ("contact" | "staff");
        name: string;
      };
      body: string;
      attachments: components['schemas']["TicketAttachment"][];
      createdAt: string;
    };
    TicketAttachment: {
      name: string;
      size: number;
      contentType: string;
      url: (string | null);
      expiresAt: (string | null);
    };
    TicketUpload: {
      id: string;
      filename: string;
      contentType: ("application/pdf" | "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "application/zip" | "text/plain" | "text/csv");
      size: number;
      upload: {
        method: "PUT";
        url: string;
        headers: {
          "content-type": string;
        };
      };
      expiresAt: string;
    };
    Problem503: (components['schemas']["Problem"] & ({
      type: "https://portico.example/problems/attachments-unavailable";
      status: 503;
    } & Partial<Record<string, unknown>>));
    TicketReply: {
      ticket: components['schemas']["Ticket"];
      message: components['schemas']["TicketMessage"];
    };
    StaffTicketPage: {
      items: components['schemas']["QueueTicket"][];
      cursor: (string | null);
    };
    QueueTicket: {
      id: string;
      subject: string;
      department: ("technical" | "billing" | "sales");
      serviceId?: string;
      status: ("open" | "answered" | "customer-reply" | "closed");
      openedBy: {
        contactId?: string;
        name: string;
        email: string;
      };
      messageCount: number;
      createdAt: string;
      updatedAt: string;
      accountId: string;
      version: number;
      accountName: (string | null);
    };
    StaffTicketDetail: {
      id: string;
      subject: string;
      department: ("technical" | "billing" | "sales");
      serviceId?: string;
      status: ("open" | "answered" | "customer-reply" | "closed");
      openedBy: {
        contactId?: string;
        name: string;
        email: string;
      };
      messageCount: number;
      createdAt: string;
      updatedAt: string;
      accountId: string;
      version: number;
      messages: components['schemas']["TicketMessage"][];
    };
    StaffTicketReply: {
      ticket: components['schemas']["StaffTicket"];
      message: components['schemas']["TicketMessage"];
    };
    StaffTicket: {
      id: string;
      subject: string;
      department: ("technical" | "billing" | "sales");
      serviceId?: string;
      status: ("open" | "answered" | "customer-reply" | "closed");
      openedBy: {
        contactId?: string;
        name: string;
        email: string;
      };
      messageCount: number;
      createdAt: string;
      updatedAt: string;
      accountId: string;
      version: number;
    };
    Requester: {
      email: string;
      items: {
        accountId: string;
        accountName: string;
        accountStatus: ("active" | "suspended" | "closed");
        contactId: string;
        name: string;
        role: ("primary" | "sub-account" | "contact");
        permissions: ("profile" | "contacts" | "services" | "services:manage" | "domains" | "domains:manage" | "invoices" | "usage" | "tickets" | "emails")[];
        loginStatus: ("active" | "suspended" | "invited" | "none");
        supportScope: ("none" | "isolated" | "global");
        assignedServiceIds: string[];
      }[];
      cursor: (string | null);
    };
    InboundRefusalPage: {
      items: {
        sesMessageId: string;
        receivedAt: string;
        from: string;
        subject: string;
        reason: ("authentication-failed" | "spam-or-virus" | "not-registered" | "several-accounts" | "not-allowed" | "service-not-allowed" | "unknown-service" | "thread-not-allowed" | "ticket-full" | "too-large" | "too-many-attachments" | "empty" | "loop" | "unreadable");
        rawKey: string;
        accountId?: string;
      }[];
      cursor: (string | null);
    };
    InvoicePage: {
      items: components['schemas']["InvoiceSummary"][];
      cursor: (string | null);
    };
    InvoiceSummary: {
      number: string;
      issuedAt: string;
      dueAt: string;
      paidAt?: string;
      currency: string;
      net: string;
      tax: string;
      total: string;
      status: ("open" | "paid" | "overdue" | "void");
      hasPdf: boolean;
    };
    Invoice: {
      number: string;
      issuedAt: string;
      dueAt: string;
      paidAt?: string;
      currency: string;
      net: string;
      tax: string;
      total: string;
      status: ("open" | "paid" | "overdue" | "void");
      hasPdf: boolean;
      lines: {
        description: string;
        quantity: number;
        unitPrice: string;
        net: string;
        tax: string;
        total: string;
        contractNumber?: string;
        serviceId?: string;
      }[];
    };
    InvoicePdfLink: {
      url: string;
      expiresAt: string;
    };
    CallRecordPage: {
      items: components['schemas']["CallRecord"][];
      cursor: (string | null);
    };
    CallRecord: {
      id: string;
      startedAt: string;
      direction: ("inbound" | "outbound");
      from: string;
      to: string;
      durationSeconds: number;
      charge?: string;
      currency?: string;
    };
    TrafficSamplePage: {
      items: components['schemas']["TrafficSample"][];
      cursor: (string | null);
    };
    TrafficSample: {
      ip: string;
      at: string;
      periodSeconds: number;
      inBytes: number;
      outBytes: number;
    };
    TrafficTotals: {
      serviceId: string;
      from: string;
      to: string;
      months: {
        month: string;
        inBytes: number;
        outBytes: number;
        ips: {
          ip: string;
          inBytes: number;
          outBytes: number;
        }[];
      }[];
    };
    StaffAccount: {
      id: string;
      externalId: (string | null);
      name: string;
      status: ("active" | "suspended" | "closed");
      contracts: string[];
      hostedDomains: string[];
      primaryContactId: string;
      version: number;
    };
    StaffAccountPage: {
      items: components['schemas']["StaffAccount"][];
      cursor: (string | null);
    };
    StaffService: {
      id: string;
      accountId: string;
      externalId: string;
      type: ("hosting" | "vps" | "voip" | "serverhousing" | "domain");
      label: string;
      status: ("pending" | "active" | "suspended" | "cancelled");
      contractNumber?: string;
      server?: string;
      ips?: string[];
      version: number;
    };
    StaffInvoice: {
      accountId: string;
      number: string;
      issuedAt: string;
      dueAt: string;
      paidAt?: string;
      currency: string;
      net: string;
      tax: string;
      total: string;
      status: ("open" | "paid" | "overdue" | "void");
      hasPdf: boolean;
      lines: {
        description: string;
        quantity: number;
        unitPrice: string;
        net: string;
        tax: string;
        total: string;
        contractNumber?: string;
        serviceId?: string;
      }[];
      version: number;
    };
    Problem413: (components['schemas']["Problem"] & ({
      type: "https://portico.example/problems/payload-too-large";
      status: 413;
    } & Partial<Record<string, unknown>>));
    UsageLoaded: {
      serviceId: string;
      kind: ("calls" | "traffic");
      loaded: number;
    };
    ExternalIdTarget: {
      kind: ("account" | "service" | "invoice");
      externalId: string;
      accountId: string;
      serviceId?: string;
    };
    StaffAccountDetail: {
      id: string;
      externalId: (string | null);
      name: string;
      status: ("active" | "suspended" | "closed");
      contracts: string[];
      hostedDomains: string[];
      primaryContactId: string;
      version: number;
      primaryContact: ({
        id: string;
        name: string;
        email: string;
        phone: string;
        hasLogin: boolean;
      } | null);
      counts: {
        contacts: number;
        subAccounts: number;
      };
    };
    NoticeAccepted: {
      id: string;
      status: "accepted";
    };
    NoticePage: {
      items: components['schemas']["NoticeSummary"][];
      cursor: (string | null);
    };
    NoticeSummary: {
      id: string;
      status: ("accepted" | "addressed");
      category: ("general" | "product" | "domain");
      scope: Partial<Record<string, unknown>>;
      subject: string;
      createdAt: string;
      createdBy: string;
      accounts: (number | null);
    };
    NoticeStatus: {
      id: string;
      status: ("accepted" | "addressing" | "sending" | "done");
      category: ("general" | "product" | "domain");
      scope: Partial<Record<string, unknown>>;
      subject: string;
      createdAt: string;
      accounts: {
        inScope: (number | null);
        done: number;
      };
      recipients: number;
      sent: number;
      failed: number;
      queued: number;
      skipped: {
        total: number;
        reasons: {
          categoryOff: number;
          loginSuspended: number;
          notAssigned: number;
          noInvoiceAccess: number;
          duplicateAddress: number;
          suppressed: number;
        };
      };
    };
  };
}
