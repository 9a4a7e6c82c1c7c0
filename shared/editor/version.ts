/**
 * The version of the editor schema in `schema.ts`. Bump it whenever a change to the extension list
 * would let an older editor misread or damage documents written by a newer one (a node or mark
 * added, removed or renamed, an attribute whose meaning changed). The collaboration server refuses
 * editors that announce a version outside the accepted range, so they reload instead of corrupting.
 */
// 2: the `comment` mark (an editor without it would drop commented text it cannot read).
// 3: the `clipQuote` node (an editor without it would drop quotes it cannot read).
// 4: the suggestion marks `insertion`, `deletion`, `modification` (an editor without them would take suggested
//    words for accepted text, and drop suggested formatting).
// 5: the `footnote` node (an editor without it would drop the notes it cannot read).
// 6: the `image` node (an editor without it would drop pictures and their alt text).
export const EDITOR_SCHEMA_VERSION = 6;

/** The oldest editor version the server still accepts. */
export const MIN_EDITOR_SCHEMA_VERSION = 6;

export const isCompatibleSchemaVersion = (version: number): boolean =>
  Number.isInteger(version) && version >= MIN_EDITOR_SCHEMA_VERSION && version <= EDITOR_SCHEMA_VERSION;
