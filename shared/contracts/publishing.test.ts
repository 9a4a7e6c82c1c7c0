import { describe, expect, it } from 'vitest';
import { artworkSizeProblem, memberCreditBodySchema } from './publishing';

describe('artworkSizeProblem', () => {
  it('accepts square pictures from 1400 to 3000 pixels', () => {
    for (const side of [1400, 2048, 3000]) expect(artworkSizeProblem(side, side)).toBeNull();
  });

  it('says exactly what is wrong otherwise', () => {
    expect(artworkSizeProblem(1200, 800)).toBe(
      'The picture is 1200 × 800 pixels; podcast apps need a square picture between 1400 and 3000 pixels wide.',
    );
    expect(artworkSizeProblem(1399, 1399)).toMatch(/^The picture is 1399 × 1399 pixels;/);
    expect(artworkSizeProblem(3001, 3001)).not.toBeNull();
    expect(artworkSizeProblem(1400, 1401)).not.toBeNull();
  });
});

describe('memberCreditBodySchema', () => {
  it('takes a name only worth using', () => {
    expect(memberCreditBodySchema.safeParse({ creditByName: true }).success).toBe(true);
    expect(memberCreditBodySchema.safeParse({ creditByName: true, creditName: '  Mary  ' }).data?.creditName).toBe(
      'Mary',
    );
    expect(memberCreditBodySchema.safeParse({ creditByName: true, creditName: ' ' }).success).toBe(false);
    expect(memberCreditBodySchema.safeParse({ creditByName: 'yes' }).success).toBe(false);
  });
});
