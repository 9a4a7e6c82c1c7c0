/**
 * The credits Chorus gives in `podcast:person`, named exactly as in the Podcasting 2.0 taxonomy
 * (podcast-namespace's taxonomy.json: group and role, lower-case as the namespace's examples write them).
 * - people heard in the episode (carers and anyone else whose clips are used): cast / guest;
 * - people who wrote the episode's script document: writing / co-writer;
 * - members an editor marked as consultants on the episode (practice experts who advised): misc. / consultant;
 * - admins and editors who rendered the episode or changed its timeline: audio post-production / audio editor.
 * Whoever it is, they are named only if they chose to be (their membership's credit setting).
 */
export const credits = {
  guest: { group: 'cast', role: 'guest' },
  coWriter: { group: 'writing', role: 'co-writer' },
  consultant: { group: 'misc.', role: 'consultant' },
  audioEditor: { group: 'audio post-production', role: 'audio editor' },
} as const;

export type CreditKind = keyof typeof credits;

/** The usual credit for each Chorus role, for callers that only know the role. */
export const creditForRole = {
  carer: credits.guest,
  expert: credits.coWriter,
  editor: credits.audioEditor,
} as const;

export const consultantCredit = credits.consultant;
