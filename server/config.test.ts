import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configDescriptions, envSchema, loadConfig } from './config';

const tempDir = () => mkdtemp(path.join(tmpdir(), 'chorus-config-'));

describe('configuration', () => {
  it('needs nothing for the embedded default: SQLite and local disk in DATA_DIR, a generated secret kept there', async () => {
    const dir = await tempDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'sqlite', file: path.join(dir, 'chorus.sqlite') });
    expect(config.storage).toEqual({ kind: 'disk', root: path.join(dir, 'blobs') });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect((await readFile(path.join(dir, 'session-secret'), 'utf8')).trim()).toBe(config.sessionSecret);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
  });

  it('uses PostgreSQL and S3 when told to', async () => {
    const config = loadConfig({
      DATA_DIR: await tempDir(),
      DATABASE_URL: 'postgres://u@db/chorus',
      S3_BUCKET: 'chorus-audio',
      S3_ENDPOINT: 'http://127.0.0.1:7480',
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
      S3_FORCE_PATH_STYLE: 'false',
      PUBLIC_URL: 'https://chorus.example.org/',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db/chorus' });
    expect(config.storage).toMatchObject({
      kind: 's3',
      bucket: 'chorus-audio',
      endpoint: 'http://127.0.0.1:7480',
      forcePathStyle: false,
    });
    expect(config.publicUrl).toBe('https://chorus.example.org');
  });

  it('trusts a reverse proxy only when told how many hops or which addresses', async () => {
    const dir = await tempDir();
    expect(loadConfig({ DATA_DIR: dir }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(() => loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be a number of proxies/);
  });

  it('sends email only with both SMTP_URL and MAIL_FROM, and says so when one is missing', async () => {
    const dir = await tempDir();
    expect(loadConfig({ DATA_DIR: dir }).mail).toBeUndefined();
    expect(
      loadConfig({ DATA_DIR: dir, SMTP_URL: 'smtp://u:p@mail.example.org:587', MAIL_FROM: 'Chorus <c@example.org>' })
        .mail,
    ).toEqual({ smtpUrl: 'smtp://u:p@mail.example.org:587', from: 'Chorus <c@example.org>' });
    expect(() => loadConfig({ DATA_DIR: dir, SMTP_URL: 'smtp://mail.example.org' })).toThrow(
      /SMTP_URL and MAIL_FROM must be set together/,
    );
    expect(() =>
      loadConfig({ DATA_DIR: dir, SMTP_URL: 'http://mail.example.org', MAIL_FROM: 'c@example.org' }),
    ).toThrow(/SMTP_URL must be an SMTP address/);
    expect(() => loadConfig({ DATA_DIR: dir, SMTP_URL: 'smtp://mail.example.org', MAIL_FROM: 'nobody' })).toThrow(
      /MAIL_FROM must be an email address/,
    );
  });

  it('sends audio for transcription only when TRANSCRIBE_URL is set, to the OpenAI path unless one is given', async () => {
    const dir = await tempDir();
    expect(loadConfig({ DATA_DIR: dir }).transcribe).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dir, TRANSCRIBE_URL: 'http://127.0.0.1:8080' }).transcribe).toEqual({
      endpoint: 'http://127.0.0.1:8080/v1/audio/transcriptions',
      model: 'whisper-1',
      apiKey: undefined,
      timeoutMs: 600_000,
    });
    const speaches = loadConfig({
      DATA_DIR: dir,
      TRANSCRIBE_URL: 'https://asr.example.org/v1/',
      TRANSCRIBE_MODEL: 'Systran/faster-whisper-small',
      TRANSCRIBE_API_KEY: 'sk-local-1',
    }).transcribe;
    expect(speaches).toMatchObject({
      endpoint: 'https://asr.example.org/v1/audio/transcriptions',
      model: 'Systran/faster-whisper-small',
      apiKey: 'sk-local-1',
    });
    expect(
      loadConfig({ DATA_DIR: dir, TRANSCRIBE_URL: 'http://asr:9000/inference/audio/transcriptions' }).transcribe
        ?.endpoint,
    ).toBe('http://asr:9000/inference/audio/transcriptions');
    expect(loadConfig({ DATA_DIR: dir, TRANSCRIBE_URL: 'http://127.0.0.1:8080/inference' }).transcribe?.endpoint).toBe(
      'http://127.0.0.1:8080/inference',
    );
    expect(() => loadConfig({ DATA_DIR: dir, TRANSCRIBE_URL: 'ftp://asr.example.org' })).toThrow(
      /TRANSCRIBE_URL must be an http:\/\/ or https:\/\/ address/,
    );
    expect(() => loadConfig({ DATA_DIR: dir, TRANSCRIBE_API_KEY: 'sk-1' })).toThrow(
      /TRANSCRIBE_URL must be set when TRANSCRIBE_MODEL or TRANSCRIBE_API_KEY is/,
    );
    expect(() =>
      loadConfig({ DATA_DIR: dir, TRANSCRIBE_URL: 'http://asr:8080', TRANSCRIBE_API_KEY: 'two words' }),
    ).toThrow(/TRANSCRIBE_API_KEY must be a key of printable characters/);
    expect(() => loadConfig({ DATA_DIR: dir, TRANSCRIBE_URL: 'http://asr:8080', TRANSCRIBE_TIMEOUT_MS: '10' })).toThrow(
      /TRANSCRIBE_TIMEOUT_MS must be at least 1000/,
    );
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        S3_ACCESS_KEY_ID: 'k',
        SESSION_SECRET: 'short',
        MAX_UPLOAD_BYTES: '-1',
      });
      expect.unreachable('loadConfig should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      for (const name of [
        'PORT',
        'DATABASE_URL',
        'S3_SECRET_ACCESS_KEY',
        'S3_BUCKET',
        'SESSION_SECRET',
        'MAX_UPLOAD_BYTES',
      ]) {
        expect(problems).toContain(name);
      }
      expect((e as ConfigError).message).toMatch(/^Chorus cannot start/);
    }
  });

  it('is described completely in the README table', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const documented = [...readme.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(envSchema.shape).sort());
    expect(Object.keys(configDescriptions).sort()).toEqual(documented);
  });
});
