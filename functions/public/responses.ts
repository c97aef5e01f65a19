import * as z from 'zod';
import type { PUBLIC_ROUTES } from './routes.ts';

export const healthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

export const clientConfigSchema = z
  .object({
    region: z.string(),
    userPoolId: z.string(),
    userPoolClientId: z.string(),
    staff: z.object({ userPoolId: z.string(), userPoolClientId: z.string() }),
    cognitoEndpoint: z.string().optional(),
  })
  .meta({ id: 'ClientConfig' });

export const PUBLIC_RESPONSES = {
  getHealth: healthSchema,
  getClientConfig: clientConfigSchema,
} satisfies Record<(typeof PUBLIC_ROUTES)[number]['id'], z.ZodType | null>;
