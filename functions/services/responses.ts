import * as z from 'zod';
import { SERVICE_STATUSES, SERVICE_TYPES } from '#core/entities/service';
import type { SERVICE_ROUTES } from './routes.ts';

export const serviceSchema = z
  .object({
    id: z.string(),
    type: z.enum([...SERVICE_TYPES, 'domain']),
    label: z.string(),
    status: z.enum(SERVICE_STATUSES),
    contractNumber: z.string().optional(),
    server: z.string().optional(),
    supportContacts: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          email: z.string(),
          supportScope: z.enum(['isolated', 'global']),
        })
      )
      .meta({ description: 'The contacts assigned to support it, oldest assignment first.' }),
    support: z.enum(['assigned', 'deactivated']).meta({
      description:
        '`deactivated` when no contact is assigned: only the account holder gets support.',
    }),
    version: z.number().int(),
  })
  .meta({ id: 'Service' });

export const servicePageSchema = z
  .object({ items: z.array(serviceSchema), cursor: z.string().nullable() })
  .meta({ id: 'ServicePage' });

export const serviceIpPageSchema = z
  .object({
    items: z.array(
      z.object({ ip: z.string().meta({ description: 'IPv4, or IPv6 in its short form.' }) })
    ),
    cursor: z.null(),
  })
  .meta({ id: 'ServiceIpPage' });

export const SERVICE_RESPONSES = {
  listServices: servicePageSchema,
  getService: serviceSchema,
  listServiceIps: serviceIpPageSchema,
  assignServiceSupportContact: serviceSchema,
  resetServiceSupportContact: null,
  listDomains: servicePageSchema,
  getDomain: serviceSchema,
  assignDomainSupportContact: serviceSchema,
  resetDomainSupportContact: null,
} satisfies Record<(typeof SERVICE_ROUTES)[number]['id'], z.ZodType | null>;
