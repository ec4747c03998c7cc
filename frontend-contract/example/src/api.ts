// The typed client (../../src via the @duban/frontend-contract alias) with the console's answers to the three
// failures every screen meets: 401 (refresh the token once and repeat; else ask to sign in again), 503 with
// Retry-After (wait that long, say so, and repeat: reads always, writes only with their Idempotency-Key) and 409
// (left to the screen: it shows the detail and reloads what it shows, since someone else changed it first).
import {
  createDubanClient,
  newIdempotencyKey,
  UnauthorizedProblem,
  withRetries,
  type DubanClient,
} from '@duban/frontend-contract';
import type { ConsoleConfig } from './config';
import type { Session } from './session';

export interface Api {
  client: DubanClient;
  /** Runs a read: repeated after a 401 refresh and, on 503/429, after Retry-After (three tries in all). */
  read<T>(call: (client: DubanClient) => Promise<T>): Promise<T>;
  /**
   * Runs a change with one Idempotency-Key for all its tries, so a repeat after a 503 or a lost answer never
   * applies it twice: `api.write((c, key) => unwrap(c.POST(path, { params: { header: { 'Idempotency-Key': key } }, body })))`.
   */
  write<T>(call: (client: DubanClient, idempotencyKey: string) => Promise<T>): Promise<T>;
}

/** Called while waiting out a Retry-After (seconds), so the page can say so; 0 when the wait is over. */
export type WaitNotice = (seconds: number) => void;

/** Called when the session cannot be refreshed: the page offers to sign in again. */
export type SignedOut = () => void;

export function createApi(config: ConsoleConfig, session: Session, onWait: WaitNotice, onSignedOut: SignedOut): Api {
  const client = createDubanClient({ baseUrl: config.apiBaseUrl, getToken: () => session.token() });

  async function once<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (e) {
      if (!(e instanceof UnauthorizedProblem)) throw e;
      // The token was refused (expired in flight, Keycloak keys rotated, session ended): refresh once and repeat.
      if (!(await session.refreshNow())) {
        onSignedOut();
        throw e;
      }
      return send();
    }
  }

  const sleep = async (ms: number) => {
    for (let left = Math.ceil(ms / 1000); left > 0; left--) {
      onWait(left);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    onWait(0);
  };
  // withRetries repeats what may be repeated (a network failure, 5xx, 429, a key still in progress), waiting
  // Retry-After when the answer names it; 400, 403, 404 and 409 are final and go straight to the screen.
  const retrying = <T>(send: () => Promise<T>) =>
    withRetries(send, { attempts: 3, sleep }).finally(() => onWait(0));

  return {
    client,
    read: (call) => retrying(() => once(() => call(client))),
    write: (call) => {
      const key = newIdempotencyKey();
      return retrying(() => once(() => call(client, key)));
    },
  };
}
