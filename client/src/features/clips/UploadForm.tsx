import { useRef, useState, type FormEvent } from 'react';
import { acceptedAudioFormats, audienceSchema } from '../../../../shared/contracts/clips';
import { ApiError } from '../../api/ApiError';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FieldShell } from '../../components/FieldShell';
import { formText } from '../../components/formText';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useFormProblems } from '../../components/useFormProblems';
import { consentFieldIds, ConsentFields } from './ConsentFields';
import { uploadRecording, type UploadDetails } from './uploadRecording';

const ids = { audio: 'upload-audio', title: 'upload-title', audience: consentFieldIds.audience('public') };
const accept = 'audio/*,.wav,.mp3,.m4a,.aac,.ogg,.opus,.webm,.flac';

type Progress = { state: 'idle' } | { state: 'sending'; fraction: number } | { state: 'sent'; title: string };

/** Problems we can name before sending anything, in the words the form uses. */
function checkFirst(form: HTMLFormElement): { details: UploadDetails } | { error: ApiError } {
  const data = new FormData(form);
  const file = data.get('audio');
  const title = formText(form, 'title').trim();
  const audience = audienceSchema.safeParse(data.get('audience'));
  const fields = [];
  if (!(file instanceof File) || file.size === 0)
    fields.push({ path: 'audio', message: 'Choose a recording to upload' });
  if (title === '') fields.push({ path: 'title', message: 'Enter a title for the recording' });
  if (!audience.success) fields.push({ path: 'audience', message: 'Choose who may hear or read your recording' });
  if (fields.length > 0 || !(file instanceof File) || !audience.success) {
    return { error: new ApiError('validation_failed', 'Check the form.', { status: 400, fields }) };
  }
  return {
    details: {
      file,
      title,
      audience: audience.data,
      podcast: data.get('podcast') === 'on',
      publicationQuotes: data.get('publicationQuotes') === 'on',
    },
  };
}

/** "Upload a recording": a sound file, a title and the consent step, sent with its progress in words. */
export function UploadForm({
  workspaceId,
  onUploaded,
  onError,
}: {
  workspaceId: string;
  onUploaded(): void;
  onError(hasError: boolean): void;
}) {
  const problems = useFormProblems(ids);
  const [progress, setProgress] = useState<Progress>({ state: 'idle' });
  const [formKey, setFormKey] = useState(0);
  const sending = progress.state === 'sending';
  const lastAnnounced = useRef(-1);
  const [announce, setAnnounce] = useState('');

  const onProgress = (fraction: number) => {
    setProgress({ state: 'sending', fraction });
    // Screen readers hear every quarter, not every percent.
    const quarter = Math.floor(fraction * 4);
    if (quarter > lastAnnounced.current && quarter < 4) {
      lastAnnounced.current = quarter;
      setAnnounce(`Uploading ${quarter * 25}%`);
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    problems.clear();
    const checked = checkFirst(event.currentTarget);
    if ('error' in checked) {
      onError(true);
      return problems.show(checked.error);
    }
    onError(false);
    lastAnnounced.current = -1;
    setAnnounce('Uploading 0%');
    setProgress({ state: 'sending', fraction: 0 });
    try {
      const clip = await uploadRecording(workspaceId, checked.details, onProgress);
      setProgress({ state: 'sent', title: clip.title });
      setAnnounce('');
      setFormKey((k) => k + 1); // a fresh, empty form for the next one
      onUploaded();
    } catch (e) {
      setProgress({ state: 'idle' });
      setAnnounce('');
      problems.show(e);
      onError(true);
    }
  };

  const percent = progress.state === 'sending' ? Math.floor(progress.fraction * 100) : 0;
  return (
    <section className="panel upload" aria-labelledby="upload-heading" id="upload">
      <h2 className="heading-l" id="upload-heading">
        Upload a recording
      </h2>
      <p>Send a sound file you have already made, such as a voice memo from your phone.</p>
      <ErrorSummary items={problems.summary} />
      <StatusMessage tone="success">
        {progress.state === 'sent'
          ? `Sent. “${progress.title}” is being processed and will show as Ready in the list when it can be played.`
          : null}
      </StatusMessage>
      <form onSubmit={submit} noValidate key={formKey}>
        <FieldShell
          id={ids.audio}
          label="Recording"
          hint={`A sound file from your phone or computer, in one of these formats: ${acceptedAudioFormats.join(', ')}.`}
          error={problems.fieldError('audio')}
        >
          {(describedBy) => (
            <input
              id={ids.audio}
              name="audio"
              type="file"
              accept={accept}
              className="file-input"
              aria-describedby={describedBy}
              aria-invalid={problems.fieldError('audio') ? true : undefined}
            />
          )}
        </FieldShell>
        <TextField
          id={ids.title}
          name="title"
          label="Title"
          hint="A few words so people know which story this is, for example “Mornings with Mum”."
          autoComplete="off"
          error={problems.fieldError('title')}
        />
        <ConsentFields audienceError={problems.fieldError('audience')} />
        {progress.state === 'sending' ? (
          <div className="upload__progress">
            <p className="upload__progress-words" aria-hidden="true">
              Uploading {percent}%
            </p>
            <progress className="upload__bar" max={100} value={percent} aria-label="Upload progress" />
            <p className="quiet">Keep this page open until it says Sent.</p>
          </div>
        ) : null}
        <div className="visually-hidden">
          <StatusMessage>{announce}</StatusMessage>
        </div>
        <Button type="submit" busy={sending}>
          {sending ? 'Sending…' : 'Send your recording'}
        </Button>
      </form>
    </section>
  );
}
