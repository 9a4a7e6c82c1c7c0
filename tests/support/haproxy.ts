import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's HAProxy configuration, the one docs/deployment.md describes. */
export const haproxyConfig = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../deploy/haproxy.cfg');

export interface Haproxy {
  /** `http://127.0.0.1:<port>`: where clients connect. */
  readonly url: string;
  /** What HAProxy printed (its log lines: instances going down and up). */
  output(): string;
  /** Resolves once HAProxy sends requests to both instances (its sticky cookie names each in turn). */
  servingBoth(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** HAProxy from Debian's package; /usr/sbin is not on every user's PATH. */
function haproxyProgram(): string {
  return existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';
}

/** A port free just now on 127.0.0.1 (HAProxy cannot bind port 0 and say which it got). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts a real HAProxy (in the foreground, `-db`) with deploy/haproxy.cfg in front of two instances, and waits
 * until it answers /api/health through them.
 */
export async function startHaproxy(instances: [string, string]): Promise<Haproxy> {
  const hostPort = (url: string) => new URL(url).host;
  let output = '';
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child: ChildProcess = spawn(haproxyProgram(), ['-db', '-f', haproxyConfig], {
      env: {
        ...process.env,
        CHORUS_LISTEN: `127.0.0.1:${port}`,
        CHORUS_INSTANCE_1: hostPort(instances[0]),
        CHORUS_INSTANCE_2: hostPort(instances[1]),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = once(child, 'exit');
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 15_000;
    let up = false;
    while (!up && child.exitCode === null && Date.now() < deadline) {
      up = await fetch(`${url}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (!up) await new Promise((r) => setTimeout(r, 100));
    }
    if (up) {
      return {
        url,
        output: () => output,
        async servingBoth(timeoutMs = 30_000) {
          const seen = new Set<string>();
          const until = Date.now() + timeoutMs;
          while (seen.size < 2) {
            if (Date.now() > until)
              throw new Error(`HAProxy sent requests to only ${[...seen].join(', ')}:\n${output}`);
            const res = await fetch(`${url}/api/health`).catch(() => undefined);
            const cookie = res?.headers.getSetCookie().find((c) => c.startsWith('chorus_instance='));
            if (cookie) seen.add(cookie.split(';')[0]!);
            await res?.body?.cancel();
            await new Promise((r) => setTimeout(r, 50));
          }
        },
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    // Another process took the port between our check and HAProxy's bind: try another.
    if (attempt >= 2 || !/cannot bind|Address already in use/i.test(output)) {
      throw new Error(`HAProxy did not start in front of ${instances.join(', ')}:\n${output}`);
    }
  }
}
