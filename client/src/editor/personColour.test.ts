import { describe, expect, it } from 'vitest';
import { personColour, personColours } from './personColour';

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe('personColour', () => {
  it('gives white name labels at least AA contrast', () => {
    for (const colour of personColours) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
  });

  it('is stable for a person and spreads people out', () => {
    expect(personColour('7d7c0c8e-3b9b-4c1e-9d55-1f0c4a2a9b11')).toBe(
      personColour('7d7c0c8e-3b9b-4c1e-9d55-1f0c4a2a9b11'),
    );
    const ids = Array.from({ length: 40 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(new Set(ids.map(personColour)).size).toBeGreaterThanOrEqual(6);
  });
});
