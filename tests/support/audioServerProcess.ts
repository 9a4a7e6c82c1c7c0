import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ChorusProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  stderr(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * The production entry point (`server/index.ts`) as a child process, for tests and benchmarks that kill it
 * mid-job or measure its memory. Started as `node --import tsx` so the pid is the server itself.
 * Its URL comes from the "Chorus is running" log line.
 */
export async function startChorusProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<ChorusProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/index.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { url?: string; msg?: string };
        if (parsed.url && parsed.msg?.startsWith('Chorus is running')) {
          clearTimeout(timer);
          resolve(parsed.url.replace('localhost', '127.0.0.1'));
        }
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${stderr}`));
    });
  });
  lines.on('line', () => undefined); // keep draining stdout
  return {
    url,
    pid: child.pid!,
    child,
    stderr: () => stderr,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}
