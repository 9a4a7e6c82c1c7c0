import { describe, expect, it } from 'vitest';
import {
  ensureSystemPackages,
  intendedPackageManager,
  planInstall,
  serverRequirements,
  startRequirements,
  testRequirements,
  type SystemProbe,
} from './systemPackages';

const debian = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const ubuntu = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const fedora = 'NAME="Fedora Linux"\nID=fedora\n';
const rocky = 'NAME="Rocky Linux"\nID="rocky"\nID_LIKE="rhel centos fedora"\n';

/** A machine that has exactly `installed` (programs and package managers), and never asks a real sudo. */
function machine(installed: string[], overrides: Partial<SystemProbe> = {}): SystemProbe {
  return {
    platform: 'linux',
    osRelease: debian,
    isRoot: false,
    has: (command) => installed.includes(command),
    sudoWorks: () => false,
    ...overrides,
  };
}

const aptInstallFfmpeg = [
  ['apt-get', 'update'],
  ['apt-get', 'install', '-y', '--no-install-recommends', 'ffmpeg'],
];

describe('which package manager a system is meant to use', () => {
  it('reads /etc/os-release, including the family a distribution is like', () => {
    expect(intendedPackageManager({ platform: 'linux', osRelease: debian })).toBe('apt-get');
    expect(intendedPackageManager({ platform: 'linux', osRelease: ubuntu })).toBe('apt-get');
    expect(intendedPackageManager({ platform: 'linux', osRelease: fedora })).toBe('dnf');
    expect(intendedPackageManager({ platform: 'linux', osRelease: rocky })).toBe('dnf');
    expect(intendedPackageManager({ platform: 'darwin', osRelease: undefined })).toBe('brew');
    expect(intendedPackageManager({ platform: 'linux', osRelease: 'ID=alpine\n' })).toBeUndefined();
  });
});

describe('planning what to install', () => {
  it('does nothing when everything is there', () => {
    expect(planInstall(serverRequirements, machine(['ffmpeg', 'ffprobe']))).toEqual({ kind: 'ready' });
  });

  it('installs as root with the system’s package manager, one package for ffmpeg and ffprobe', () => {
    const plan = planInstall(serverRequirements, machine(['apt-get'], { isRoot: true }));
    expect(plan).toMatchObject({ kind: 'install', commands: aptInstallFfmpeg });
  });

  it('installs through sudo -n when sudo needs no password', () => {
    const plan = planInstall(serverRequirements, machine(['apt-get'], { sudoWorks: () => true }));
    expect(plan).toMatchObject({ kind: 'install', commands: aptInstallFfmpeg.map((c) => ['sudo', '-n', ...c]) });
  });

  it('stops with the sudo command when it is neither root nor allowed sudo without a password', () => {
    const plan = planInstall(serverRequirements, machine(['apt-get']));
    expect(plan).toMatchObject({
      kind: 'stop',
      reason: 'Installing needs root, and sudo is not available without a password.',
      commands: aptInstallFfmpeg.map((c) => ['sudo', ...c]),
    });
  });

  it('uses dnf on Fedora and its relatives, with Fedora’s ffmpeg-free', () => {
    const plan = planInstall(serverRequirements, machine(['dnf'], { osRelease: rocky, isRoot: true }));
    expect(plan).toMatchObject({ kind: 'install', commands: [['dnf', 'install', '-y', 'ffmpeg-free']] });
  });

  it('uses Homebrew on a Mac without sudo, even when sudo would work', () => {
    const mac = machine(['brew'], { platform: 'darwin', osRelease: undefined, sudoWorks: () => true });
    expect(planInstall(serverRequirements, mac)).toMatchObject({
      kind: 'install',
      commands: [['brew', 'install', 'ffmpeg']],
    });
  });

  it('names the command for this system when its package manager is not on the PATH', () => {
    expect(planInstall(serverRequirements, machine([], { osRelease: fedora }))).toMatchObject({
      kind: 'stop',
      reason: 'dnf is not on the PATH.',
      commands: [['sudo', 'dnf', 'install', '-y', 'ffmpeg-free']],
    });
  });

  it('falls back to whichever package manager is there on a system it does not recognise', () => {
    const plan = planInstall(serverRequirements, machine(['apt-get'], { osRelease: 'ID=mystery\n', isRoot: true }));
    expect(plan).toMatchObject({ kind: 'install', commands: aptInstallFfmpeg });
    expect(planInstall(serverRequirements, machine([], { osRelease: undefined }))).toMatchObject({
      kind: 'stop',
      commands: [],
    });
  });

  it('installs pandoc (for EPUB exports) with ffmpeg at start', () => {
    const plan = planInstall(startRequirements, machine(['apt-get', 'ffmpeg', 'ffprobe'], { isRoot: true }));
    expect(plan).toMatchObject({
      kind: 'install',
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'pandoc'],
      ],
    });
  });

  it('installs only what the tests lack, Chromium at /usr/bin/chromium included', () => {
    const plan = planInstall(
      testRequirements,
      machine(['apt-get', 'ffmpeg', 'ffprobe', 'sox', 'pandoc', 'pdftotext', 'haproxy'], { isRoot: true }),
    );
    expect(plan).toMatchObject({
      kind: 'install',
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'espeak-ng'],
      ],
    });
    expect(plan.kind === 'install' && plan.missing.map((r) => r.command)).toEqual(['/usr/bin/chromium', 'espeak-ng']);
  });

  it('stops, saying what to do by hand, when the package manager has no package for something', () => {
    const mac = machine(['brew', 'ffmpeg', 'ffprobe', 'espeak-ng', 'pandoc', 'haproxy'], {
      platform: 'darwin',
      osRelease: undefined,
    });
    const plan = planInstall(testRequirements, mac);
    expect(plan).toMatchObject({
      kind: 'stop',
      reason: 'brew has no package for /usr/bin/chromium.',
      commands: [['brew', 'install', 'sox', 'poppler']],
    });
  });
});

describe('what it says', () => {
  it('gives the exact command and the way back when it cannot install', () => {
    const lines: string[] = [];
    const ok = ensureSystemPackages(serverRequirements, {
      purpose: 'to process audio',
      rerun: 'npm start',
      probe: machine(['apt-get']),
      log: (line) => lines.push(line),
    });
    expect(ok).toBe(false);
    expect(lines).toEqual([
      'Chorus needs ffmpeg and ffprobe to process audio, and they are not installed. Installing needs root, and sudo is not available without a password.',
      'Install them with:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ffmpeg',
      'Then run npm start again.',
    ]);
  });

  it('says nothing when everything is there', () => {
    const lines: string[] = [];
    const probe = machine(['ffmpeg', 'ffprobe']);
    expect(ensureSystemPackages(serverRequirements, { purpose: '', rerun: '', probe, log: (l) => lines.push(l) })).toBe(
      true,
    );
    expect(lines).toEqual([]);
  });
});
