import type { Signoff, SignoffList } from '../../../../../shared/contracts/signoffs';
import { namesInWords } from '../../../../../shared/namesInWords';
import { whenWords } from '../../clips/clipWords';

/** Where one person's sign-off stands, in plain words (docs/words.md), for the list editors and everyone see. */
export function signoffStateWords(s: Signoff): string {
  switch (s.state) {
    case 'approved':
      return `Happy with their parts${s.at ? ` (${whenWords(s.at)})` : ''}`;
    case 'changes_requested':
      return `Asked for a change${s.at ? ` (${whenWords(s.at)})` : ''}`;
    case 'pending':
      return 'Not answered yet';
  }
}

/** What publishing waits for, or null when it waits for nobody: said beside the Publish button. */
export function publishWaitsFor(list: SignoffList, myId: string | null): string | null {
  if (!list.enabled) return null;
  const waiting = list.required.filter((s) => s.state !== 'approved' && s.userId !== myId);
  if (waiting.length === 0) return null;
  const names = namesInWords(waiting.map((s) => s.name));
  return `Publishing waits until ${names} ${waiting.length === 1 ? 'has' : 'have'} listened to their parts and said they are happy with them (see “Sign-off by the people heard”).`;
}
