/** Builds portal/dist, which the portal stack's BucketDeployment takes as its asset. */
import { buildPortal } from '../../lib/portal-build.ts';

export const setup = async (): Promise<void> => {
  await buildPortal();
};
