import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intendedPackageManager, thisMachine } from '../../scripts/systemPackages';

/**
 * `npm start` on a fresh copy of this working tree (its own dist/, its own data): once on a machine whose PATH has
 * only node and a stand-in apt-get (no ffmpeg, no pandoc), once with everything there. The stand-in records what it
 * was asked to run and "installs" ffmpeg and pandoc by linking the real ones, so nothing is installed on the machine running the tests.
 */
const repo = fileURLToPath(new URL('../../', import.meta.url));
const machine = thisMachine();
const onApt = intendedPackageManager(machine) === 'apt-get';

interface Started {
  child: ChildProcess;
  output: () => string;
  /** The URL once "Chorus is running at …" is printed, or undefined if it exits first. */
  url: Promise<string | undefined>;
}

function start(command: string, args: string[], cwd: string, env: Record<string, string>): Started {
  // Its own process group, so stopping it reaches the server under npm too.
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = new Promise<string | undefined>((resolve) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const running = /Chorus is running at (http:\/\/[^"\s]+)/.exec(output);
      if (running) resolve(running[1]);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', () => resolve(undefined));
  });
  return { child, output: () => output, url };
}

async function stop({ child }: Started): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

describe('npm start on a fresh copy', () => {
  let dir: string;
  let copy: string;
  const started: Started[] = [];
  // The caller's environment without what Vitest adds (NODE_ENV=test would build React's development bundle).
  const serverEnv = (extra: Record<string, string>) => ({
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST'))),
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: path.join(dir, `data-${started.length}`),
    ...extra,
  });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-fresh-'));
    copy = path.join(dir, 'chorus');
    // What a clone would hold: tracked files and new ones not ignored (so dist/ and data/ are not copied).
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repo })
      .toString()
      .split('\0')
      .filter(Boolean);
    await Promise.all(
      files.map((f) => cp(path.join(repo, f), path.join(copy, f)).catch(() => undefined /* deleted, not committed */)),
    );
    // A checkout whose node_modules is itself a link (git lists it as a file) has just had it copied.
    await rm(path.join(copy, 'node_modules'), { recursive: true, force: true });
    await symlink(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'));
  });

  afterAll(async () => {
    await Promise.all(started.map(stop));
    await rm(dir, { recursive: true, force: true });
  });

  it.runIf(onApt)(
    'without ffmpeg and pandoc, installs them with apt-get (saying so first) where it may, else names the exact command',
    async () => {
      const bin = path.join(dir, 'bin');
      await mkdir(bin);
      await symlink(process.execPath, path.join(bin, 'node'));
      const log = path.join(dir, 'apt-get.log');
      const real = (tool: string) =>
        execFileSync('sh', ['-c', `command -v ${tool}`])
          .toString()
          .trim();
      await writeFile(
        path.join(bin, 'apt-get'),
        `#!/bin/sh\necho "$*" >> ${log}\n` +
          `if [ "$1" = install ]; then /bin/ln -s ${real('ffmpeg')} ${real('ffprobe')} ${real('pandoc')} ${bin}/; fi\n`,
      );
      await chmod(path.join(bin, 'apt-get'), 0o755);

      const run = start(process.execPath, ['scripts/start.mjs'], copy, serverEnv({ PATH: bin }));
      started.push(run);
      const url = await run.url;
      const printed = run.output();
      console.log(`npm start with ffmpeg hidden from the PATH printed:\n${printed}`);

      if (machine.isRoot) {
        expect(printed).toContain(
          'Chorus needs ffmpeg, ffprobe and pandoc to process audio and make e-books; installing with: apt-get update && apt-get install -y --no-install-recommends ffmpeg pandoc',
        );
        expect(await readFile(log, 'utf8')).toBe('update\ninstall -y --no-install-recommends ffmpeg pandoc\n');
        expect(url).toBeDefined();
        expect((await fetch(`${url}/api/health`)).status).toBe(200);
      } else {
        // Not root, and no sudo on this PATH: it stops with the command to run, having run nothing.
        expect(url).toBeUndefined();
        expect(run.child.exitCode).toBe(1);
        expect(printed).toContain(
          'Install them with:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ffmpeg pandoc\nThen run npm start again.',
        );
      }
    },
    180_000,
  );

  it('with everything installed, comes up on a free port and answers /api/health', async () => {
    const run = start('npm', ['start'], copy, serverEnv({ PATH: process.env.PATH ?? '' }));
    started.push(run);
    const url = await run.url;
    expect(url, run.output()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(run.output()).not.toContain('installing with');
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
  }, 180_000);
});
