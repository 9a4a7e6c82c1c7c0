import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { S3BlobStoreConfig } from './storage/s3BlobStore';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const milliseconds = z.coerce
  .number({ message: 'must be a number of milliseconds' })
  .int({ message: 'must be a whole number of milliseconds' })
  .min(100, { message: 'must be at least 100 milliseconds' })
  .max(600_000, { message: 'must be at most 600000 milliseconds (10 minutes)' });

/**
 * Every setting Chorus reads from its environment. Read once at boot; nothing else reads process.env.
 * The README's configuration table is checked against `configDescriptions` by a test.
 */
export const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int()
    .min(0)
    .max(65535, { message: 'must be a port number (0-65535)' })
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ message: 'must be a full URL such as https://chorus.example.org' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// (leave it unset to use SQLite)' })
    .optional(),
  S3_ENDPOINT: z.url({ message: 'must be a URL such as http://127.0.0.1:9000' }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      message: 'must be a valid S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)',
    })
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: boolean.default(true),
  S3_CONNECT_TIMEOUT_MS: milliseconds.default(3_000),
  S3_REQUEST_TIMEOUT_MS: milliseconds.default(10_000),
  S3_MAX_ATTEMPTS: z.coerce
    .number({ message: 'must be a number of tries' })
    .int({ message: 'must be a whole number of tries' })
    .min(1, { message: 'must be at least 1 (the first try)' })
    .max(10, { message: 'must be at most 10: more tries only make people wait longer during an outage' })
    .default(3),
  S3_STARTUP_WAIT_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int()
    .min(0, { message: 'must be 0 or more milliseconds' })
    .default(30_000),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { message: 'must start with redis:// or rediss://' })
    .optional(),
  SESSION_SECRET: z
    .string()
    .min(32, { message: 'must be at least 32 characters (or leave it unset to have one generated)' })
    .optional(),
  MAX_UPLOAD_BYTES: z.coerce
    .number({ message: 'must be a number of bytes' })
    .int()
    .positive({ message: 'must be a positive number of bytes' })
    .default(1024 ** 3),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?))*)$/i,
      {
        message:
          'must be a number of proxies (such as 1) or a comma-separated list of proxy addresses or subnets (such as loopback, 10.0.0.0/8)',
      },
    )
    .optional(),
  METRICS_TOKEN: z
    .string()
    .min(16, { message: 'must be at least 16 characters (or leave it unset to keep /metrics off)' })
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, {
      message: 'must be an SMTP address such as smtp://user:password@mail.example.org:587 or smtps://…:465',
    })
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^([^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, {
      message: 'must be an email address, optionally with a name: Chorus <chorus@example.org>',
    })
    .optional(),
  JOB_LEASE_MS: milliseconds.default(6_000),
  JOB_HEARTBEAT_MS: milliseconds.default(2_000),
  TRANSCRIBE_URL: z
    .url({
      protocol: /^https?$/,
      message:
        'must be an http:// or https:// address of an OpenAI-compatible speech-recognition server, such as http://127.0.0.1:8080 (leave it unset to send audio nowhere)',
    })
    .optional(),
  TRANSCRIBE_MODEL: z
    .string()
    .trim()
    .min(1)
    .max(200, { message: 'must be a model name of at most 200 characters' })
    .default('whisper-1'),
  TRANSCRIBE_API_KEY: z
    .string()
    .regex(/^[\x21-\x7e]{1,500}$/, { message: 'must be a key of printable characters without spaces' })
    .optional(),
  TRANSCRIBE_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int({ message: 'must be a whole number of milliseconds' })
    .min(1_000, { message: 'must be at least 1000 milliseconds' })
    .max(3_600_000, { message: 'must be at most 3600000 milliseconds (an hour)' })
    .default(600_000),
});

export const configDescriptions: Record<keyof z.input<typeof envSchema>, string> = {
  PORT: 'Port to listen on (0 picks a free one).',
  HOST: 'Address to listen on.',
  PUBLIC_URL:
    'The address people use to reach Chorus; used in invite links and feeds. Defaults to http://localhost:PORT.',
  DATA_DIR: 'Folder for the SQLite database, local blobs and the generated session secret.',
  DATABASE_URL: 'postgres://… to use PostgreSQL; unset uses SQLite in DATA_DIR.',
  S3_ENDPOINT: 'S3 API address for MinIO, R2, Ceph RGW…; unset uses AWS.',
  S3_REGION: 'S3 region.',
  S3_BUCKET: 'Bucket for audio and document snapshots; unset keeps blobs on local disk in DATA_DIR.',
  S3_ACCESS_KEY_ID: 'S3 access key; unset uses the AWS SDK default credential chain.',
  S3_SECRET_ACCESS_KEY: 'S3 secret key.',
  S3_FORCE_PATH_STYLE: 'Path-style S3 addressing (needed by MinIO and Ceph; false for virtual-host style).',
  S3_CONNECT_TIMEOUT_MS: 'A connection to S3 must be made within this many milliseconds.',
  S3_REQUEST_TIMEOUT_MS:
    'An S3 request fails when storage has neither sent nor taken a byte for this many milliseconds.',
  S3_MAX_ATTEMPTS: 'Tries per S3 request when storage refuses or fails (not when it hangs), with backoff in between.',
  S3_STARTUP_WAIT_MS:
    'At start, how long to wait for S3 to answer before starting without it (storage then reported unavailable).',
  REDIS_URL: 'redis://… to run several server instances side by side (Socket.IO rooms and presence through Redis).',
  SESSION_SECRET:
    'Secret for hashing session and invite tokens and signing download links; generated into DATA_DIR when unset.',
  MAX_UPLOAD_BYTES: 'Largest audio upload accepted, in bytes.',
  LOG_LEVEL: 'Log level: fatal, error, warn, info, debug, trace or silent.',
  TRUST_PROXY:
    'Behind a reverse proxy: how many proxies, or which addresses, to trust for the client address (X-Forwarded-For).',
  METRICS_TOKEN:
    'Turns on GET /metrics (Prometheus), answered only with Authorization: Bearer <this token>; unset, /metrics is 404.',
  SMTP_URL:
    'smtp://… or smtps://… to send notification and invite emails (nodemailer); unset, notices stay in the app.',
  MAIL_FROM: 'The sender of Chorus emails, e.g. Chorus <chorus@example.org>; needed with SMTP_URL.',
  JOB_LEASE_MS:
    'How long a running job stays with its server without a heartbeat; a killed server’s job is taken over after this.',
  JOB_HEARTBEAT_MS: 'How often a running job renews its lease; at most half of JOB_LEASE_MS.',
  TRANSCRIBE_URL:
    'An OpenAI-compatible speech-recognition server (whisper.cpp’s server, speaches…): its base address (/v1/audio/transcriptions is added), or the full address of its transcription endpoint. Each processed clip’s audio is sent there for a first draft of its transcript; unset, audio is sent nowhere.',
  TRANSCRIBE_MODEL: 'The model asked of the speech-recognition server (its `model` field).',
  TRANSCRIBE_API_KEY: 'Sent to the speech-recognition server as Authorization: Bearer <key>, when it asks for one.',
  TRANSCRIBE_TIMEOUT_MS: 'How long one recording may take the speech-recognition server before the try is given up.',
};

export type Env = z.output<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  publicUrl: string | undefined;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** S3 settings are the S3 store's own (without a key prefix: Chorus uses the bucket's root). */
  storage: { kind: 'disk'; root: string } | ({ kind: 's3' } & Omit<S3BlobStoreConfig, 'keyPrefix'>);
  /** How long start-up waits for S3 to answer (the local disk is not waited for). */
  storageWaitMs: number;
  redisUrl: string | undefined;
  sessionSecret: string;
  maxUploadBytes: number;
  logLevel: Env['LOG_LEVEL'];
  /** Express's `trust proxy`: hops to trust, or the proxies' addresses; false when Chorus faces clients directly. */
  trustProxy: number | string[] | false;
  /** The bearer token /metrics asks for; undefined keeps metrics off. */
  metricsToken: string | undefined;
  /** Where emails go out and who they are from; undefined keeps notices in the app only. */
  mail: { smtpUrl: string; from: string } | undefined;
  /** Job leases: how long a job stays with a silent server, and how often a running job says it is alive. */
  jobs: { leaseMs: number; heartbeatMs: number };
  /** The speech-recognition engine for first drafts of clip transcripts; undefined sends audio nowhere. */
  transcribe: TranscribeConfig | undefined;
}

export interface TranscribeConfig {
  /** The full `…/v1/audio/transcriptions` address. */
  endpoint: string;
  model: string;
  apiKey: string | undefined;
  timeoutMs: number;
}

/**
 * A bare address (`http://host:8080`, or `…/v1`) gets the OpenAI path `/v1/audio/transcriptions`; an address with
 * any other path is used as it is (whisper.cpp's server answers on `/inference` unless told `--inference-path`).
 */
export function transcriptionEndpoint(url: string): string {
  const u = new URL(url);
  const base = u.pathname.replace(/\/+$/, '');
  if (base === '' || base === '/v1') u.pathname = '/v1/audio/transcriptions';
  else u.pathname = base;
  return u.toString();
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super('Chorus cannot start: the configuration has problems:\n' + problems.map((p) => `  - ${p}`).join('\n'));
  }
}

/** Settings that only make sense together; checked on the raw values so they are reported alongside type errors. */
function combinationProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const keyId = env.S3_ACCESS_KEY_ID !== undefined;
  const secret = env.S3_SECRET_ACCESS_KEY !== undefined;
  if (keyId && !secret) problems.push('S3_SECRET_ACCESS_KEY must be set together with S3_ACCESS_KEY_ID');
  if (secret && !keyId) problems.push('S3_ACCESS_KEY_ID must be set together with S3_SECRET_ACCESS_KEY');
  const lease = Number(env.JOB_LEASE_MS ?? 6_000);
  const heartbeat = Number(env.JOB_HEARTBEAT_MS ?? 2_000);
  if (heartbeat > lease / 2) {
    problems.push(
      `JOB_HEARTBEAT_MS (${heartbeat}) must be at most half of JOB_LEASE_MS (${lease}), or a busy server loses its running jobs`,
    );
  }
  if (env.S3_BUCKET === undefined && (env.S3_ENDPOINT !== undefined || keyId || secret)) {
    problems.push(
      'S3_BUCKET must be set when other S3_ settings are (leave all S3_ settings unset to keep files on local disk)',
    );
  }
  if (
    env.TRANSCRIBE_URL === undefined &&
    (env.TRANSCRIBE_API_KEY !== undefined || env.TRANSCRIBE_MODEL !== undefined)
  ) {
    problems.push(
      'TRANSCRIBE_URL must be set when TRANSCRIBE_MODEL or TRANSCRIBE_API_KEY is (leave all TRANSCRIBE_ settings unset to send audio nowhere)',
    );
  }
  if ((env.SMTP_URL === undefined) !== (env.MAIL_FROM === undefined)) {
    problems.push('SMTP_URL and MAIL_FROM must be set together (leave both unset to keep notices in the app only)');
  }
  return problems;
}

/** Parses the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(blanksRemoved);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`)),
    ...combinationProblems(blanksRemoved),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'chorus.sqlite') },
    storage: e.S3_BUCKET
      ? {
          kind: 's3',
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          bucket: e.S3_BUCKET,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
          connectTimeoutMs: e.S3_CONNECT_TIMEOUT_MS,
          requestTimeoutMs: e.S3_REQUEST_TIMEOUT_MS,
          maxAttempts: e.S3_MAX_ATTEMPTS,
        }
      : { kind: 'disk', root: path.join(dataDir, 'blobs') },
    storageWaitMs: e.S3_STARTUP_WAIT_MS,
    redisUrl: e.REDIS_URL,
    sessionSecret: e.SESSION_SECRET ?? generatedSecret(dataDir),
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    logLevel: e.LOG_LEVEL,
    trustProxy:
      e.TRUST_PROXY === undefined
        ? false
        : /^\d+$/.test(e.TRUST_PROXY)
          ? Number(e.TRUST_PROXY)
          : e.TRUST_PROXY.split(',').map((a) => a.trim()),
    metricsToken: e.METRICS_TOKEN,
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : undefined,
    jobs: { leaseMs: e.JOB_LEASE_MS, heartbeatMs: e.JOB_HEARTBEAT_MS },
    transcribe: e.TRANSCRIBE_URL
      ? {
          endpoint: transcriptionEndpoint(e.TRANSCRIBE_URL),
          model: e.TRANSCRIBE_MODEL,
          apiKey: e.TRANSCRIBE_API_KEY,
          timeoutMs: e.TRANSCRIBE_TIMEOUT_MS,
        }
      : undefined,
  };
}

/** The embedded default needs no setup: the secret is made once and kept beside the data it protects. */
function generatedSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  try {
    writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another instance sharing DATA_DIR made it first: use theirs.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readFileSync(file, 'utf8').trim();
}
