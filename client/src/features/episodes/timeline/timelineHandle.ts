import type { Timeline } from '../../../../../shared/contracts/episodes';

export type TimelineItem = Timeline['items'][number];
export type TimelineChapter = Timeline['chapters'][number];

/** Someone else looking at the same episode, and the item they have selected (by position), if any. */
export interface TimelinePeer {
  key: string;
  name: string;
  colour: string;
  selectedIndex: number | null;
}

/**
 * The one seam between the episode screens and wherever the timeline lives (a live shared document).
 * Edits are small operations rather than "replace everything", so two people changing different items
 * at the same moment both keep their change.
 */
export interface TimelineHandle {
  status: 'loading' | 'ready' | 'offline' | 'error';
  /** Words for a person when status is 'error' or an edit was refused. */
  error: string | null;
  canEdit: boolean;
  timeline: Timeline;
  insertItem(index: number, item: TimelineItem): void;
  updateItem(index: number, patch: Partial<TimelineItem>): void;
  moveItem(from: number, to: number): void;
  removeItem(index: number): void;
  setChapters(chapters: TimelineChapter[]): void;
  /** Tell the others which item this person has selected (null for none). */
  select(index: number | null): void;
  peers: TimelinePeer[];
  /**
   * Resolves once every edit so far is stored on the server, so a render renders what is on screen; rejects
   * with words for a person when it is not stored. Optional: a live timeline that is always stored may leave it out.
   */
  whenSaved?(): Promise<void>;
}
