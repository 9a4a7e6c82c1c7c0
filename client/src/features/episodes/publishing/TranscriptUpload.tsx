import { useId } from 'react';
import type { Episode } from '../../../../../shared/contracts/episodes';
import { Button } from '../../../components/Button';
import { StatusMessage } from '../../../components/StatusMessage';
import { removeTranscript, uploadTranscript } from './publishingApi';
import { FileField } from '../../../components/FileField';
import { useFileUpload } from './useFileUpload';

const formatNames = { vtt: 'WebVTT', srt: 'SubRip' } as const;

/** The episode's transcript: a WebVTT or SubRip file, which podcast apps show as the episode plays. */
export function TranscriptUpload({ episode, onChanged }: { episode: Episode; onChanged(e: Episode): void }) {
  const id = useId();
  const { input, chosen, busy, problem, setProblem, status, setStatus, send: sendFile } = useFileUpload();
  const canEdit = episode.abilities.edit;

  const run = (work: () => Promise<Episode>, done: string) => sendFile(async () => onChanged(await work()), done);
  const send = () => {
    const file = chosen();
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
          <FileField
            id={id}
            label={episode.transcript ? 'Replace the transcript' : 'Transcript file'}
            hint="A WebVTT (.vtt) or SubRip (.srt) file with timings, saved as UTF-8, up to 2 MB."
            accept=".vtt,.srt,text/vtt,application/x-subrip"
            error={problem ?? undefined}
            ref={input}
          />
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
