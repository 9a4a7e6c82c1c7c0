import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'collabServerProcess.ts');

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** What it wrote to stderr, for failure messages. */
  stderr(): string;
  /** Its log lines (JSON, on stdout; LOG_LEVEL decides which), each parsed. */
  logs(): Record<string, unknown>[];
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the server in a child process and waits for its URL. Run as `node --import tsx` (not through
 * npx), so the pid is the server itself and SIGKILL reaches it, not a wrapper.
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: { timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', entry], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout! });
  const logs: Record<string, unknown>[] = [];
  const started = new Promise<{ url: string; pid: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line);
        if (!parsed.url) logs.push(parsed);
        if (parsed.url) {
          clearTimeout(timer);
          resolve(parsed);
        }
      } catch {
        // not our line
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${stderr}`));
    });
  });
  const { url, pid } = await started;
  return {
    url,
    pid,
    child,
    stderr: () => stderr,
    logs: () => logs,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}
