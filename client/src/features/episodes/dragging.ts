/** What is being dragged on the episode page: a clip from the bin, or an item already on the timeline. */
export type Dragged = { from: 'bin'; clipId: string } | { from: 'timeline'; index: number };

/** Where a moved item ends up when dropped before position `before` (counted with it still in place). */
export const moveTarget = (from: number, before: number): number => (from < before ? before - 1 : before);
