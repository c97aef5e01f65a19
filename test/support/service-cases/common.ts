/**
 * What the service cases share: catching a refusal, naming its problem,
 * and the targets and assignments they build.
 */
import { expect } from 'vitest';
import type { AssignedService, Contact } from '#core/entities/contact';
import type { Service } from '#core/entities/service';
import type { DomainError } from '#core/platform/errors';
import { type ProblemType, problemTypeUri } from '#core/platform/problem-types';

export const AT = '2026-01-01T00:00:00.000Z';

export const refusalOf = async (act: () => Promise<unknown>) => {
  try {
    await act();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

export const expectProblem = (error: DomainError, problem: ProblemType) => {
  expect({ status: error.statusCode, type: error.type }).toEqual({
    status: problem.status,
    type: problemTypeUri(problem),
  });
};

export const assignedTo = (service: Service): AssignedService[] => [
  { id: service.id, type: service.type, assignedAt: AT },
];

/** The support-contacts route's target: the service (or domain) and the contact. */
export const target = (service: Service, contact: Contact) => ({
  kind: service.type === 'domain' ? ('domain' as const) : ('service' as const),
  serviceId: service.id,
  contactId: contact.id,
});
