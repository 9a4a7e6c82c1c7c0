import { describe, expect, it } from 'vitest';
import { seal, unseal } from './sealed';

describe('sealed invite links in email jobs', () => {
  const secret = 'a session secret of at least thirty-two characters';

  it('opens with the same secret and hides the link from anyone reading the jobs table', () => {
    const link = 'https://chorus.example.org/invite/abcdefghijklmnopqrstuvwxyz';
    const sealed = seal(secret, link);
    expect(sealed).not.toContain('abcdefghij');
    expect(unseal(secret, sealed)).toBe(link);
  });

  it('refuses to open with another secret', () => {
    expect(() => unseal('another secret, also thirty-two characters long', seal(secret, 'x'))).toThrow();
  });
});
