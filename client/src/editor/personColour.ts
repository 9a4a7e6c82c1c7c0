/**
 * Colours for carets, name labels and presence dots. Each carries white text at 4.5:1 or more (WCAG
 * AA for the name on its label) and stands out from the white page by the same margin.
 */
export const personColours = [
  '#1d5fa8',
  '#00703c',
  '#5b2c91',
  '#a4286a',
  '#8a4b08',
  '#0b6a73',
  '#b0321b',
  '#4a5a12',
] as const;

/** The same person always gets the same colour, on every screen and in every browser. */
export function personColour(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return personColours[hash % personColours.length]!;
}
