import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api, Schemas } from '../api/client.ts';
import type { PortalConfig } from '../config.ts';

export type Me = Schemas['Me'];
export type Membership = Me['accounts'][number];

export interface Portal {
  api: Api;
  config: PortalConfig;
}

export const PortalContext = createContext<Portal | null>(null);

export const usePortal = (): Portal => {
  const portal = useContext(PortalContext);
  if (!portal) throw new Error('PortalContext missing');
  return portal;
};

export interface AccountView {
  me: Me;
  membership: Membership;
  reloadMe(): Promise<void>;
}

export const AccountContext = createContext<AccountView | null>(null);

export const useAccount = (): AccountView => {
  const view = useContext(AccountContext);
  if (!view) throw new Error('AccountContext missing');
  return view;
};
