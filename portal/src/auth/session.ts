/**
 * The signed-in sessions (the client pool's and the staff pool's), kept in
 * sessionStorage so a reload keeps them and closing the tab ends them.
 */
import { type Cognito, createCognito, type PoolSettings, type Tokens } from './cognito.ts';

export type Pool = 'client' | 'staff';

type Listener = () => void;

const listeners = new Set<Listener>();
const storageKey = (pool: Pool) => `portico.session.${pool}`;

export const subscribeSessions = (listener: Listener): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const changed = () => {
  for (const listener of listeners) listener();
};

export const readTokens = (pool: Pool): Tokens | undefined => {
  const raw = sessionStorage.getItem(storageKey(pool));
  return raw ? (JSON.parse(raw) as Tokens) : undefined;
};

export const saveTokens = (pool: Pool, tokens: Tokens): void => {
  sessionStorage.setItem(storageKey(pool), JSON.stringify(tokens));
  changed();
};

const cognitoFor = new Map<Pool, Cognito>();

export const registerPool = (pool: Pool, endpoint: string, settings: PoolSettings): Cognito => {
  const cognito = createCognito(endpoint, settings);
  cognitoFor.set(pool, cognito);
  return cognito;
};

export const poolClient = (pool: Pool): Cognito => {
  const cognito = cognitoFor.get(pool);
  if (!cognito) throw new Error(`pool ${pool} is not configured`);
  return cognito;
};

const refreshing = new Map<Pool, Promise<boolean>>();

const refreshOnce = async (pool: Pool): Promise<boolean> => {
  const tokens = readTokens(pool);
  if (!tokens?.refreshToken) return false;
  try {
    saveTokens(pool, await poolClient(pool).refresh(tokens.refreshToken));
    return true;
  } catch {
    return false;
  }
};

/**
 * Trades the refresh token for a new access token; false when the session
 * is over. Calls made meanwhile (a page loads several lists) share it.
 */
export const refreshSession = (pool: Pool): Promise<boolean> => {
  const pending = refreshing.get(pool);
  if (pending) return pending;
  const started = refreshOnce(pool).finally(() => refreshing.delete(pool));
  refreshing.set(pool, started);
  return started;
};

/** The access token, refreshed first when it ends within a minute. */
export const accessToken = async (pool: Pool): Promise<string | undefined> => {
  const tokens = readTokens(pool);
  if (!tokens) return undefined;
  if (tokens.expiresAt - Date.now() < 60_000) await refreshSession(pool);
  return readTokens(pool)?.accessToken;
};

export const endSession = (pool: Pool): void => {
  sessionStorage.removeItem(storageKey(pool));
  changed();
};

/** Revokes the refresh token (other devices keep theirs), then forgets the tokens. */
export const signOut = async (pool: Pool): Promise<void> => {
  const refreshToken = readTokens(pool)?.refreshToken;
  endSession(pool);
  if (refreshToken)
    await poolClient(pool)
      .revoke(refreshToken)
      .catch(() => undefined);
};
