/**
 * Consent: the one rule set every feature asks before a voice is heard or a person's words are read.
 *
 * A contributor's decision covers uses, not features: the timeline check, renders, publishing, the feed,
 * the public pages, quotes and exports all name the use they are about to make and ask `consentAllows`.
 * A change of consent therefore takes effect everywhere at once, because nothing keeps its own copy of
 * the rules; `usesLost` tells what a change took away, so published uses can be taken down.
 */

/** The consent in force for one clip, as its rules need it. */
export interface ConsentFacts {
  /** The clip was withdrawn (or its newest decision is a withdrawal): nothing may use it any more. */
  withdrawn: boolean;
  podcast: boolean;
  publicationQuotes: boolean;
  /** `internal`: only members of the workspace may hear or read it. */
  audience: 'public' | 'internal';
}

export type ConsentUse =
  /** Heard by members on the clip page (everything short of withdrawal allows it). */
  | 'clip.listen'
  /** Placed on a timeline, rendered and heard by members: an internal draft. */
  | 'episode.draft'
  /** Heard by anyone: the feed, the public episode page, its audio, chapters and transcripts. */
  | 'episode.publish'
  /** Quoted in a workspace document, read by members. */
  | 'quote.draft'
  /** Quoted in something anyone may read: a published edition or a public export. */
  | 'quote.publish';

export const consentUses: readonly ConsentUse[] = [
  'clip.listen',
  'episode.draft',
  'episode.publish',
  'quote.draft',
  'quote.publish',
];

/** Uses that reach people outside the workspace: these need the public audience as well. */
const publicUses: ReadonlySet<ConsentUse> = new Set(['episode.publish', 'quote.publish']);

export function consentAllows(facts: ConsentFacts | undefined, use: ConsentUse): boolean {
  if (!facts || facts.withdrawn) return false;
  if (publicUses.has(use) && facts.audience !== 'public') return false;
  switch (use) {
    case 'clip.listen':
      return true;
    case 'episode.draft':
    case 'episode.publish':
      return facts.podcast;
    case 'quote.draft':
    case 'quote.publish':
      return facts.publicationQuotes;
  }
}

/** What a change of consent took away: the uses the old decision allowed and the new one does not. */
export function usesLost(before: ConsentFacts | undefined, after: ConsentFacts | undefined): ConsentUse[] {
  return consentUses.filter((use) => consentAllows(before, use) && !consentAllows(after, use));
}

/** Who and what a refusal is about, to name them in words an editor can act on. */
export interface ConsentSubject {
  clipTitle: string;
  personName: string;
}

/**
 * Why a use is refused, in plain words naming the recording and the person, or undefined when it is allowed.
 * The sentence says what stands in the way; the caller adds what to do about it.
 */
export function consentRefusal(
  facts: ConsentFacts | undefined,
  use: ConsentUse,
  { clipTitle, personName }: ConsentSubject,
): string | undefined {
  if (consentAllows(facts, use)) return undefined;
  const clip = `“${clipTitle}”`;
  if (!facts) return `${personName} has not yet said how ${clip} may be used.`;
  if (facts.withdrawn) return `${personName} withdrew ${clip}.`;
  const episode = use === 'episode.draft' || use === 'episode.publish';
  if (episode && !facts.podcast) return `${personName} has not agreed to the use of ${clip} in podcast episodes.`;
  if (!episode && !facts.publicationQuotes)
    return `${personName} has not agreed to ${clip} being quoted in the publication.`;
  return `${personName} agreed that only people in this workspace may hear or read ${clip}, so it cannot be published.`;
}

/** The facts from a stored decision (booleans stored as 0 or 1) and the clip's own withdrawal. */
export function consentFactsOf(
  decision:
    | {
        kind: 'given' | 'changed' | 'withdrawn';
        podcast: number;
        publication_quotes: number;
        audience: 'public' | 'internal';
      }
    | undefined,
  clipWithdrawnAt: string | null,
): ConsentFacts | undefined {
  if (!decision)
    return clipWithdrawnAt
      ? { withdrawn: true, podcast: false, publicationQuotes: false, audience: 'internal' }
      : undefined;
  return {
    withdrawn: clipWithdrawnAt !== null || decision.kind === 'withdrawn',
    podcast: decision.podcast === 1,
    publicationQuotes: decision.publication_quotes === 1,
    audience: decision.audience,
  };
}

/**
 * A person's own written words that are not a recording (a reflection's note): readable by the writer, by those
 * who see everyone's answers (admins), and by the rest of the team only when the writer chose to share them.
 * Whoever reads a shared note by choice of the writer reads it without the writer's name.
 */
export function noteReadable(
  note: { writerId: string; sharedWithTeam: boolean },
  reader: { userId: string; seesEveryone: boolean },
): boolean {
  return note.writerId === reader.userId || reader.seesEveryone || note.sharedWithTeam;
}

/**
 * May an edition be read by anyone? Only while every recording quoted in it still allows its words to be read by
 * anyone (`quote.publish`). The public page, its files and the edition's way to publishing all ask this, and a
 * change of consent that takes `quote.publish` away withdraws the edition.
 */
export function editionMayBePublic(quoted: readonly (ConsentFacts | undefined)[]): boolean {
  return quoted.every((facts) => consentAllows(facts, 'quote.publish'));
}

/**
 * What recording a voice comment agrees to (said in plain words on the recorder): members of the workspace may hear
 * it and read its words, and nothing else. Stored as the consent of the clip that carries its audio, so every rule
 * above already keeps it out of episodes, the feed, public pages and quotes.
 */
export const voiceCommentConsent = { podcast: false, publicationQuotes: false, audience: 'internal' } as const;

/**
 * May this person hear a voice comment (and read its words)? Only a member of its workspace, and only until its
 * maker deletes it (a withdrawal of the clip that carries it): then nobody, at once.
 */
export function voiceCommentMayBeHeard(facts: ConsentFacts | undefined, listener: { member: boolean }): boolean {
  return listener.member && consentAllows(facts, 'clip.listen') && facts?.audience === 'internal';
}
