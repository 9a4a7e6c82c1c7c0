import { useEffect, useRef, useState } from 'react';
import type { UploadStatus } from './pieceUploader';
import { uploadWords } from './recordingWords';

/**
 * Where the recording's pieces are up to, always in words. The visible line changes every few seconds
 * while recording ("Uploading…", then safe again); screen readers hear only changes that matter: going
 * offline, coming back, a problem, and everything safe at the end. The live region is always in the
 * page, so each of those is announced when it arrives.
 */
export function UploadLine({ status, recording }: { status: UploadStatus | null; recording: boolean }) {
  const words = status ? uploadWords(status, recording) : '';
  const phase = status?.phase ?? 'idle';
  const [spoken, setSpoken] = useState('');
  const wasTrouble = useRef(false);

  useEffect(() => {
    const trouble = phase === 'offline' || phase === 'failed' || phase === 'lost';
    if (trouble) setSpoken(words);
    else if (phase === 'safe' && (wasTrouble.current || !recording)) setSpoken(words);
    else if (phase !== 'sending') setSpoken('');
    if (phase !== 'sending') wasTrouble.current = trouble;
  }, [phase, words, recording]);

  return (
    <div className={`upload-line upload-line--${phase}`}>
      {words ? (
        <p className="upload-line__words">
          <span className="upload-line__icon" aria-hidden="true" />
          {words}
        </p>
      ) : null}
      <div role="status" className="visually-hidden">
        {spoken}
      </div>
    </div>
  );
}
