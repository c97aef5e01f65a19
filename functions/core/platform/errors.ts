/**
 * Domain errors. Each carries a problem type of problem-types.ts (its own
 * status only, checked by the compiler) and the extra problem+json members
 * it wants to show, so the error middleware maps them without glue.
 * Services throw these; they never import middy or build responses.
 */
import type { FieldError } from './field-errors.ts';
import { type ProblemType, problemTypeUri } from './problem-types.ts';

export type { FieldError } from './field-errors.ts';

/**
 * The problem+json members beyond RFC 9457's own, all of them: the
 * document's `Problem` schema declares exactly these (core/http/responses.ts),
 * so a new member must be added here and there.
 */
export interface ProblemExtensions {
  errors?: FieldError[];
  area?: string;
  allowedAreas?: readonly string[];
  grantedBy?: { name: string };
  field?: string;
  retryAfterSeconds?: number;
  currentVersion?: number;
  supportScope?: string;
  allowedServiceIds?: readonly string[];
  contractNumber?: string;
  existingContactId?: string;
}

export class DomainError extends Error {
  readonly statusCode: number;
  readonly title: string;
  readonly type: string;
  readonly extensions: ProblemExtensions;
  /** 4xx messages are safe to show; anything else is replaced by a generic message. */
  readonly expose: boolean;

  constructor(problem: ProblemType, detail: string, extensions: ProblemExtensions = {}) {
    super(detail);
    this.name = new.target.name;
    this.statusCode = problem.status;
    this.title = problem.title;
    this.type = problemTypeUri(problem);
    this.extensions = extensions;
    this.expose = problem.status < 500;
  }
}

export class ValidationError extends DomainError {
  constructor(
    problem: ProblemType<400>,
    errors: FieldError[],
    detail = 'The request has invalid fields.'
  ) {
    super(problem, detail, { errors });
  }
}

export class BadRequestError extends DomainError {
  constructor(problem: ProblemType<400>, detail: string) {
    super(problem, detail);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(problem: ProblemType<401>, detail = 'A valid bearer token is required.') {
    super(problem, detail);
  }
}

export class ForbiddenError extends DomainError {
  constructor(problem: ProblemType<403>, detail: string, extensions: ProblemExtensions = {}) {
    super(problem, detail, extensions);
  }
}

export class NotFoundError extends DomainError {
  constructor(problem: ProblemType<404>, detail = 'The resource does not exist.') {
    super(problem, detail);
  }
}

export class ConflictError extends DomainError {
  constructor(problem: ProblemType<409>, detail: string, extensions: ProblemExtensions = {}) {
    super(problem, detail, extensions);
  }
}

/** `currentVersion`, when known, also goes out as the `ETag` the client should send next. */
/** It was there once and is no more (an expired link). */
export class GoneError extends DomainError {
  constructor(problem: ProblemType<410>, detail: string) {
    super(problem, detail);
  }
}

export class PreconditionFailedError extends DomainError {
  constructor(
    problem: ProblemType<412>,
    currentVersion?: number,
    detail = 'The resource changed since you read it; fetch it again.'
  ) {
    super(problem, detail, currentVersion === undefined ? {} : { currentVersion });
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(problem: ProblemType<413>, detail: string) {
    super(problem, detail);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(problem: ProblemType<415>, detail = 'Send the body as application/json.') {
    super(problem, detail);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(problem: ProblemType<429>, detail: string, retryAfterSeconds: number) {
    super(problem, detail, { retryAfterSeconds });
  }
}

/** The stage lacks what the route needs (a resource operators have not set up). */
export class ServiceUnavailableError extends DomainError {
  constructor(problem: ProblemType<503>, detail: string) {
    super(problem, detail);
  }
}

/** Well-formed, but it refers to something that is not there (e.g. a service of another account). */
export class UnprocessableContentError extends DomainError {
  constructor(
    problem: ProblemType<422>,
    errors: FieldError[],
    detail = 'The request refers to something that does not exist.'
  ) {
    super(problem, detail, { errors });
  }
}
