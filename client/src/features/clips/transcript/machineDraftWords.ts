import type { MachineDraftState } from '../../../../../shared/contracts/transcripts';

export interface DraftNotice {
  text: string;
  /** `check`: a draft to check; `working`: on its way; `problem`: it failed; `quiet`: nothing to do. */
  tone: 'check' | 'working' | 'problem' | 'quiet';
}

/**
 * What the clip page says about speech recognition's first draft, in plain words (docs/words.md): where it stands
 * while it is made, and once it is in the transcript, that a person should check it (until someone has).
 */
export function machineDraftNotice(
  draft: MachineDraftState | null,
  transcript: { fromMachine: boolean; checked: boolean; empty: boolean },
): DraftNotice | null {
  if (transcript.fromMachine && !transcript.checked && !transcript.empty)
    return {
      text: 'A first draft was written by speech recognition; please check it against the recording.',
      tone: 'check',
    };
  if (!draft) return null;
  switch (draft.status) {
    case 'waiting':
      return { text: 'Speech recognition will write a first draft of this transcript soon.', tone: 'working' };
    case 'working':
      return {
        text:
          draft.progress !== null && draft.progress > 0
            ? `Speech recognition is writing a first draft (${Math.round(draft.progress * 100)}% done).`
            : 'Speech recognition is writing a first draft.',
        tone: 'working',
      };
    case 'failed':
      return {
        text: `Speech recognition could not write a first draft. ${draft.failureReason ?? ''} You can still write the transcript yourself.`
          .replace(/\s+/g, ' ')
          .trim(),
        tone: 'problem',
      };
    case 'silent':
      return { text: 'Speech recognition heard no words in this recording.', tone: 'quiet' };
    case 'kept':
    case 'written':
      return null;
  }
}
