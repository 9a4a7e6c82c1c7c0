import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './contentDisposition';

describe('attachmentDisposition', () => {
  it('gives a plain name as-is in both forms', () => {
    expect(attachmentDisposition('episode-1.mp3')).toBe(
      `attachment; filename="episode-1.mp3"; filename*=UTF-8''episode-1.mp3`,
    );
  });

  it('keeps non-ASCII names intact in filename* and safe in the quoted fallback', () => {
    expect(attachmentDisposition('Zoë "live" (1).mp3')).toBe(
      `attachment; filename="Zo_ _live_ (1).mp3"; filename*=UTF-8''Zo%C3%AB%20%22live%22%20%281%29.mp3`,
    );
  });
});
