/**
 * The kinds of service an account holds. Its own module because contacts
 * name the types of the services they support and services embed contact
 * snapshots: both import this, neither imports the other's module for it.
 */
export const SERVICE_TYPES = ['hosting', 'vps', 'voip', 'serverhousing'] as const;
/** A domain is a service of type `domain`, listed apart. */
export const SERVICE_AND_DOMAIN_TYPES = [...SERVICE_TYPES, 'domain'] as const;
export type ServiceType = (typeof SERVICE_AND_DOMAIN_TYPES)[number];
