/** Builds portal/dist, which the portal stack's BucketDeployment takes as its asset. */
import { buildPortal } from '../../local/portal-server.ts';

export const setup = async (): Promise<void> => {
  await buildPortal();
};
