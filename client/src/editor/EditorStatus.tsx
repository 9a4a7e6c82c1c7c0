import { useEffect, useRef, useState } from 'react';
import { StatusMessage } from '../components/StatusMessage';
import type { CollabState } from '../realtime/collabProvider';
import { statusWords, type StatusTone } from './statusWords';

/**
 * The document's status in words, always on screen. Screen readers hear the changes that matter
 * (offline, a problem, read-only, and "saved" again after one of those), not every "Saving…" while typing.
 */
export function EditorStatus({ state, archived }: { state: CollabState; archived: boolean }) {
  const { text, tone } = statusWords(state, archived);
  const [announce, setAnnounce] = useState('');
  const previous = useRef<StatusTone>(tone);

  useEffect(() => {
    if (tone === 'busy') return;
    const before = previous.current;
    previous.current = tone;
    if (tone !== 'done') setAnnounce(text);
    else setAnnounce(before === 'warning' || before === 'error' ? 'Connected again. Your changes are saved.' : '');
  }, [tone, text]);

  return (
    <div className="editor-status-wrap">
      <p className={`editor-status editor-status--${tone}`} id="editor-status">
        <span className="editor-status__icon" aria-hidden="true" />
        {text}
      </p>
      <div className="visually-hidden">
        <StatusMessage>{announce}</StatusMessage>
      </div>
    </div>
  );
}
