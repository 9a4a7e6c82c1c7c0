import { describe, expect, it } from 'vitest';
import { signBlob, verifyBlobSignature } from './blobSignature';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const key = 'workspaces/w/clips/c/original';
const now = Date.UTC(2026, 0, 1);
const expires = Math.floor(now / 1000) + 60;

describe('verifyBlobSignature', () => {
  const signature = signBlob(secret, key, expires);

  it('accepts its own signature before the expiry', () => {
    expect(verifyBlobSignature(secret, key, expires, signature, now)).toBe('valid');
  });

  it('reports an expired link as expired, from the expiry second on', () => {
    expect(verifyBlobSignature(secret, key, expires, signature, expires * 1000 - 1)).toBe('valid');
    expect(verifyBlobSignature(secret, key, expires, signature, expires * 1000)).toBe('expired');
  });

  it('refuses any change to key, expiry, signature or secret', () => {
    expect(verifyBlobSignature(secret, `${key}2`, expires, signature, now)).toBe('invalid');
    expect(verifyBlobSignature(secret, key, expires + 3600, signature, now)).toBe('invalid');
    expect(verifyBlobSignature(secret, key, expires, `${signature.slice(0, -1)}A`, now)).toBe('invalid');
    expect(verifyBlobSignature(secret, key, expires, '', now)).toBe('invalid');
    expect(verifyBlobSignature(`${secret}x`, key, expires, signature, now)).toBe('invalid');
    expect(verifyBlobSignature(secret, key, Number.NaN, signature, now)).toBe('invalid');
  });

  it('checks the signature before the expiry, so a forged old link is "invalid", not "expired"', () => {
    expect(verifyBlobSignature(secret, key, 1, 'forged', now)).toBe('invalid');
  });

  it('binds the file name and content type into the signature', () => {
    const named = signBlob(secret, key, expires, { filename: 'a.mp3', contentType: 'audio/mpeg' });
    expect(
      verifyBlobSignature(secret, key, expires, named, now, { filename: 'a.mp3', contentType: 'audio/mpeg' }),
    ).toBe('valid');
    expect(
      verifyBlobSignature(secret, key, expires, named, now, { filename: 'b.mp3', contentType: 'audio/mpeg' }),
    ).toBe('invalid');
    expect(verifyBlobSignature(secret, key, expires, named, now, { filename: 'a.mp3' })).toBe('invalid');
    expect(verifyBlobSignature(secret, key, expires, named, now)).toBe('invalid');
  });

  it('cannot be fooled by moving text between fields', () => {
    const a = signBlob(secret, key, expires, { filename: 'x', contentType: 'y' });
    expect(verifyBlobSignature(secret, key, expires, a, now, { filename: 'x","y' })).toBe('invalid');
  });
});
