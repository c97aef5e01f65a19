import { z } from 'zod';

export const healthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

export const clientConfigSchema = z
  .object({
    region: z.string(),
    userPoolId: z.string(),
    userPoolClientId: z.string(),
    cognitoEndpoint: z.string().optional(),
  })
  .meta({ id: 'ClientConfig' });
