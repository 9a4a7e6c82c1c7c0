import { useId, useRef, useState } from 'react';
import type { Episode } from '../../../../../shared/contracts/episodes';
import { Button } from '../../../components/Button';
import { FieldShell } from '../../../components/FieldShell';
import { StatusMessage } from '../../../components/StatusMessage';
import { useAction } from '../../../components/useAction';
import { removeTranscript, uploadTranscript } from './publishingApi';

const formatNames = { vtt: 'WebVTT', srt: 'SubRip' } as const;

/** The episode's transcript: a WebVTT or SubRip file, which podcast apps show as the episode plays. */
export function TranscriptUpload({ episode, onChanged }: { episode: Episode; onChanged(e: Episode): void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const { busy, problem, setProblem, run: act } = useAction();
  const [status, setStatus] = useState('');
  const canEdit = episode.abilities.edit;

  const run = async (work: () => Promise<Episode>, done: string) => {
    const worked = await act(async () => {
      onChanged(await work());
      setStatus(done);
      if (input.current) input.current.value = '';
    });
    if (!worked) setStatus('');
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
          <FieldShell
            id={id}
            label={episode.transcript ? 'Replace the transcript' : 'Transcript file'}
            hint="A WebVTT (.vtt) or SubRip (.srt) file with timings, saved as UTF-8, up to 2 MB."
            error={problem ?? undefined}
          >
            {(describedBy) => (
              <input
                ref={input}
                id={id}
                type="file"
                accept=".vtt,.srt,text/vtt,application/x-subrip"
                aria-describedby={describedBy}
                aria-invalid={problem ? true : undefined}
              />
            )}
          </FieldShell>
          <Button variant="secondary" busy={busy} onClick={send}>
            Upload the transcript
          </Button>{' '}
          {episode.transcript ? (
            <Button
              variant="warning"
              busy={busy}
              onClick={() => void run(() => removeTranscript(episode.id), 'Transcript removed.')}
            >
              Remove the transcript
            </Button>
          ) : null}
          <StatusMessage tone="success">{status}</StatusMessage>
        </>
      ) : null}
    </div>
  );
}
