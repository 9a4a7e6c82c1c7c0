import { useId, useRef, useState } from 'react';
import type { Episode } from '../../../../../shared/contracts/episodes';
import { toApiError } from '../../../api/ApiError';
import { Button } from '../../../components/Button';
import { StatusMessage } from '../../../components/StatusMessage';
import { removeTranscript, uploadTranscript } from './publishingApi';

const formatNames = { vtt: 'WebVTT', srt: 'SubRip' } as const;

/** The episode's transcript: a WebVTT or SubRip file, which podcast apps show as the episode plays. */
export function TranscriptUpload({ episode, onChanged }: { episode: Episode; onChanged(e: Episode): void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const canEdit = episode.abilities.edit;

  const run = async (work: () => Promise<Episode>, done: string) => {
    setBusy(true);
    setProblem(null);
    try {
      onChanged(await work());
      setStatus(done);
      if (input.current) input.current.value = '';
    } catch (e) {
      setStatus('');
      setProblem(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const send = () => {
    const file = input.current?.files?.[0];
    if (!file) return setProblem('Choose a transcript file to upload.');
    setStatus('Uploading the transcript…');
    void run(() => uploadTranscript(episode.id, file), 'Transcript saved.');
  };

  return (
    <div className="transcript-upload">
      {episode.transcript ? (
        <p>
          <a href={episode.transcript.url}>Open the transcript</a> ({formatNames[episode.transcript.format]}).
        </p>
      ) : (
        <p>No transcript yet.</p>
      )}
      {canEdit ? (
        <>
          <div className={problem ? 'field field--error' : 'field'}>
            <label className="field__label" htmlFor={id}>
              {episode.transcript ? 'Replace the transcript' : 'Transcript file'}
            </label>
            <div className="field__hint" id={`${id}-hint`}>
              A WebVTT (.vtt) or SubRip (.srt) file with timings, saved as UTF-8, up to 2 MB.
            </div>
            {problem ? (
              <p className="field__error" id={`${id}-error`}>
                <span className="visually-hidden">Error: </span>
                {problem}
              </p>
            ) : null}
            <input ref={input} id={id} type="file" accept=".vtt,.srt,text/vtt,application/x-subrip" aria-describedby={problem ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={problem ? true : undefined} />
          </div>
          <Button variant="secondary" busy={busy} onClick={send}>
            Upload the transcript
          </Button>{' '}
          {episode.transcript ? (
            <Button variant="warning" busy={busy} onClick={() => void run(() => removeTranscript(episode.id), 'Transcript removed.')}>
              Remove the transcript
            </Button>
          ) : null}
          <StatusMessage tone="success">{status}</StatusMessage>
        </>
      ) : null}
    </div>
  );
}
