// The programs Chorus needs from the operating system (ffmpeg, and pandoc for EPUB exports; for tests also
// Chromium, espeak-ng, sox, poppler-utils and HAProxy), and how
// `npm start` and `npm test` get them on a fresh machine: install them with the system's package manager when they
// can (as root, or through `sudo -n`), saying exactly what they run first; otherwise stop with the exact command.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';

export type PackageManager = 'apt-get' | 'dnf' | 'brew';

/** A program Chorus needs, and the package that provides it under each package manager. */
export interface Requirement {
  /** A name looked up on the PATH, or an absolute path that must exist (Chromium for the browser tests). */
  command: string;
  packages: Partial<Record<PackageManager, string>>;
  /** Said when this package manager has no package for it, or when it is still missing after installing. */
  hint?: string;
}

export const serverRequirements: Requirement[] = [
  // Fedora's own repositories carry ffmpeg as ffmpeg-free (with the AAC and MP3 encoders Chorus uses).
  { command: 'ffmpeg', packages: { 'apt-get': 'ffmpeg', dnf: 'ffmpeg-free', brew: 'ffmpeg' } },
  { command: 'ffprobe', packages: { 'apt-get': 'ffmpeg', dnf: 'ffmpeg-free', brew: 'ffmpeg' } },
];

/** EPUB exports are made by pandoc, from the HTML export. */
export const exportRequirements: Requirement[] = [
  { command: 'pandoc', packages: { 'apt-get': 'pandoc', dnf: 'pandoc', brew: 'pandoc' } },
];

/** What `npm start` makes sure of. */
export const startRequirements: Requirement[] = [...serverRequirements, ...exportRequirements];

export const testRequirements: Requirement[] = [
  ...serverRequirements,
  {
    command: '/usr/bin/chromium',
    packages: { 'apt-get': 'chromium' },
    hint: 'The browser tests drive Chromium at /usr/bin/chromium, where Debian’s chromium package puts it; elsewhere install Chromium and link its program there.',
  },
  { command: 'espeak-ng', packages: { 'apt-get': 'espeak-ng', dnf: 'espeak-ng', brew: 'espeak-ng' } },
  { command: 'sox', packages: { 'apt-get': 'sox', dnf: 'sox', brew: 'sox' } },
  // The export tests read DOCX and EPUB back with pandoc (which also makes EPUB) and PDF with poppler's pdftotext
  // and pdfinfo.
  ...exportRequirements,
  { command: 'pdftotext', packages: { 'apt-get': 'poppler-utils', dnf: 'poppler-utils', brew: 'poppler' } },
  // The failover test and benchmark put two instances behind a real HAProxy (deploy/haproxy.cfg).
  { command: 'haproxy', packages: { 'apt-get': 'haproxy', dnf: 'haproxy', brew: 'haproxy' } },
];

/** What the machine looks like. Passed in, so the decisions can be tested without running a package manager. */
export interface SystemProbe {
  platform: NodeJS.Platform;
  /** The text of /etc/os-release, if there is one. */
  osRelease: string | undefined;
  isRoot: boolean;
  /** Whether a program is on the PATH (or, for an absolute path, whether it exists and can be run). */
  has(command: string): boolean;
  /** Whether `sudo -n true` succeeds: sudo without a password prompt. */
  sudoWorks(): boolean;
}

/** What to do about the missing programs. Commands are argument lists, run one after the other. */
export type Plan =
  | { kind: 'ready' }
  | { kind: 'install'; missing: Requirement[]; commands: string[][] }
  | { kind: 'stop'; missing: Requirement[]; reason: string; commands: string[][] };

/** The package manager this system is meant to use, from /etc/os-release (ID, ID_LIKE) or the platform. */
export function intendedPackageManager(probe: Pick<SystemProbe, 'platform' | 'osRelease'>): PackageManager | undefined {
  if (probe.platform === 'darwin') return 'brew';
  const field = (name: string) =>
    new RegExp(`^${name}=["']?([^"'\\n]*)`, 'm').exec(probe.osRelease ?? '')?.[1]?.toLowerCase() ?? '';
  const family = [field('ID'), ...field('ID_LIKE').split(/\s+/)];
  if (family.some((id) => id === 'debian' || id === 'ubuntu')) return 'apt-get';
  if (family.some((id) => ['fedora', 'rhel', 'centos'].includes(id))) return 'dnf';
  return undefined;
}

function installCommands(manager: PackageManager, packages: string[]): string[][] {
  switch (manager) {
    case 'apt-get':
      // A fresh machine (or container) may have empty package lists.
      return [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', '--no-install-recommends', ...packages],
      ];
    case 'dnf':
      return [['dnf', 'install', '-y', ...packages]];
    case 'brew':
      return [['brew', 'install', ...packages]];
  }
}

export function planInstall(requirements: Requirement[], probe: SystemProbe): Plan {
  const missing = requirements.filter((r) => !probe.has(r.command));
  if (missing.length === 0) return { kind: 'ready' };
  const manager = intendedPackageManager(probe) ?? (['apt-get', 'dnf', 'brew'] as const).find((m) => probe.has(m));
  if (!manager)
    return { kind: 'stop', missing, commands: [], reason: 'Chorus does not know this system’s package manager.' };
  const packages = [...new Set(missing.flatMap((r) => r.packages[manager] ?? []))];
  const byHand = missing.filter((r) => !r.packages[manager]);
  const commands = packages.length > 0 ? installCommands(manager, packages) : [];
  const stop = (reason: string, withSudo: boolean): Plan => ({
    kind: 'stop',
    missing,
    reason,
    commands: withSudo && manager !== 'brew' ? commands.map((c) => ['sudo', ...c]) : commands,
  });
  if (byHand.length > 0)
    return stop(`${manager} has no package for ${byHand.map((r) => r.command).join(', ')}.`, !probe.isRoot);
  if (!probe.has(manager)) return stop(`${manager} is not on the PATH.`, !probe.isRoot);
  // Homebrew refuses to run as root and needs no sudo.
  if (manager === 'brew' || probe.isRoot) return { kind: 'install', missing, commands };
  if (probe.sudoWorks()) return { kind: 'install', missing, commands: commands.map((c) => ['sudo', '-n', ...c]) };
  return stop('Installing needs root, and sudo is not available without a password.', true);
}

/** The probe of the machine this process runs on. */
export function thisMachine(env: NodeJS.ProcessEnv = process.env): SystemProbe {
  const runnable = (file: string) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  let osRelease: string | undefined;
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    osRelease = undefined;
  }
  return {
    platform: process.platform,
    osRelease,
    isRoot: process.getuid?.() === 0,
    has: (command) =>
      path.isAbsolute(command)
        ? runnable(command)
        : (env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && runnable(path.join(dir, command))),
    sudoWorks: () => spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', env }).status === 0,
  };
}

const shown = (commands: string[][]) => commands.map((c) => c.join(' ')).join(' && ');
const named = (missing: Requirement[]) => {
  const names = [...new Set(missing.map((r) => r.command))];
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]!;
};

/**
 * Makes sure every requirement is there, installing what is missing when it can. Returns false (having said why
 * and what to run) when something is still missing. `purpose` finishes "Chorus needs ffmpeg …" (e.g. "to process
 * audio"); `rerun` is the command to try again with.
 */
export function ensureSystemPackages(
  requirements: Requirement[],
  options: { purpose: string; rerun: string; probe?: SystemProbe; log?: (line: string) => void },
): boolean {
  const probe = options.probe ?? thisMachine();
  const log = options.log ?? ((line: string) => console.log(line));
  const plan = planInstall(requirements, probe);
  if (plan.kind === 'ready') return true;
  const needs = `Chorus needs ${named(plan.missing)} ${options.purpose}`;
  const hints = plan.missing.flatMap((r) => (r.hint ? [r.hint] : []));
  if (plan.kind === 'stop') {
    log(`${needs}, and ${plan.missing.length > 1 ? 'they are' : 'it is'} not installed. ${plan.reason}`);
    if (plan.commands.length > 0)
      log(`Install ${plan.missing.length > 1 ? 'them' : 'it'} with:\n  ${shown(plan.commands)}`);
    for (const hint of hints) log(hint);
    log(`Then run ${options.rerun} again.`);
    return false;
  }
  log(`${needs}; installing with: ${shown(plan.commands)}`);
  for (const command of plan.commands) {
    const done = spawnSync(command[0]!, command.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (done.status !== 0) {
      log(`\`${command.join(' ')}\` failed${done.error ? ` (${done.error.message})` : ''}.`);
      break;
    }
  }
  const still = requirements.filter((r) => !probe.has(r.command));
  if (still.length === 0) return true;
  log(`${named(still)} ${still.length > 1 ? 'are' : 'is'} still missing after installing.`);
  for (const hint of still.flatMap((r) => (r.hint ? [r.hint] : []))) log(hint);
  log(`Install ${still.length > 1 ? 'them' : 'it'}, then run ${options.rerun} again.`);
  return false;
}
