// A real Chorus for a benchmark: port 0 on loopback, SQLite and blobs under the given folder, no logging.
import path from 'node:path';
import { createChorus, type ChorusOptions } from '../../server/app';
import { loadConfig } from '../../server/config';

export function benchChorus(dir: string, env: Record<string, string> = {}, options?: ChorusOptions) {
  return createChorus(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent', ...env }),
    options,
  );
}

export const benchAccount = { email: 'bench@example.org', password: 'a good long password', name: 'Bench' };

/** Signs the bench account up and returns its id and session cookie. */
export async function signUpBenchUser(url: string): Promise<{ userId: string; cookie: string }> {
  const signup = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(benchAccount),
  });
  if (!signup.ok) throw new Error(`sign-up: ${signup.status} ${await signup.text()}`);
  const { user } = (await signup.json()) as { user: { id: string } };
  return { userId: user.id, cookie: signup.headers.getSetCookie()[0]!.split(';')[0]! };
}

/** Signs the bench account up and returns its session cookie. */
export async function signUpBench(url: string): Promise<string> {
  return (await signUpBenchUser(url)).cookie;
}
