/**
 * Domain errors. Each carries an HTTP status and the extra problem+json
 * members it wants to show, so the error middleware maps them without glue.
 * Services throw these; they never import middy or build responses.
 */

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  readonly statusCode: number;
  readonly title: string;
  readonly type: string;
  readonly extensions: Record<string, unknown>;
  /** 4xx messages are safe to show; anything else is replaced by a generic message. */
  readonly expose: boolean;

  constructor(
    statusCode: number,
    title: string,
    detail: string,
    extensions: Record<string, unknown> = {}
  ) {
    super(detail);
    this.name = new.target.name;
    this.statusCode = statusCode;
    this.title = title;
    this.type = `https://portico.example/problems/${title.toLowerCase().replaceAll(' ', '-')}`;
    this.extensions = extensions;
    this.expose = statusCode < 500;
  }
}

export class ValidationError extends DomainError {
  constructor(errors: FieldError[], detail = 'The request has invalid fields.') {
    super(400, 'Validation failed', detail, { errors });
  }
}

export class BadRequestError extends DomainError {
  constructor(detail: string) {
    super(400, 'Bad request', detail);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(detail = 'A valid bearer token is required.') {
    super(401, 'Unauthorized', detail);
  }
}

export class ForbiddenError extends DomainError {
  constructor(detail: string, extensions: Record<string, unknown> = {}) {
    super(403, 'Forbidden', detail, extensions);
  }
}

export class NotFoundError extends DomainError {
  constructor(detail = 'The resource does not exist.') {
    super(404, 'Not found', detail);
  }
}

export class ConflictError extends DomainError {
  constructor(detail: string, extensions: Record<string, unknown> = {}) {
    super(409, 'Conflict', detail, extensions);
  }
}

/** `currentVersion`, when known, also goes out as the `ETag` the client should send next. */
export class PreconditionFailedError extends DomainError {
  constructor(
    currentVersion?: number,
    detail = 'The resource changed since you read it; fetch it again.'
  ) {
    super(
      412,
      'Precondition failed',
      detail,
      currentVersion === undefined ? {} : { currentVersion }
    );
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(detail: string) {
    super(413, 'Payload too large', detail);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(detail = 'Send the body as application/json.') {
    super(415, 'Unsupported media type', detail);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(detail: string, retryAfterSeconds: number) {
    super(429, 'Too many requests', detail, { retryAfterSeconds });
  }
}

/** Well-formed, but it refers to something that is not there (e.g. a service of another account). */
export class UnprocessableContentError extends DomainError {
  constructor(
    errors: FieldError[],
    detail = 'The request refers to something that does not exist.'
  ) {
    super(422, 'Unprocessable content', detail, { errors });
  }
}
