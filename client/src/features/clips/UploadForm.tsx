import { useRef, useState } from 'react';
import { acceptedAudioFormats, audienceSchema } from '../../../../shared/contracts/clips';
import type { FieldProblem } from '../../../../shared/errors';
import { FileField } from '../../components/FileField';
import { focusWhenShown } from '../../components/focusWhenShown';
import { FormWithSummary } from '../../components/FormWithSummary';
import { formText } from '../../components/formText';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { consentFieldIds, ConsentFields } from './ConsentFields';
import { uploadRecording } from './uploadRecording';

const ids = { audio: 'upload-audio', title: 'upload-title', audience: consentFieldIds.audience('public') };
const accept = 'audio/*,.wav,.mp3,.m4a,.aac,.ogg,.opus,.webm,.flac';

type Progress = { state: 'idle' } | { state: 'sending'; fraction: number } | { state: 'sent'; title: string };

/** The form as it is filled in; a file counts only if it has something in it. */
function readUpload(form: HTMLFormElement) {
  const data = new FormData(form);
  const file = data.get('audio');
  return {
    file: file instanceof File && file.size > 0 ? file : null,
    title: formText(form, 'title').trim(),
    audience: audienceSchema.safeParse(data.get('audience')),
    podcast: data.get('podcast') === 'on',
    publicationQuotes: data.get('publicationQuotes') === 'on',
  };
}

/** Problems we can name before sending anything, in the words the form uses. */
function checkFirst({ file, title, audience }: ReturnType<typeof readUpload>): FieldProblem[] {
  const fields = [];
  if (!file) fields.push({ path: 'audio', message: 'Choose a recording to upload' });
  if (title === '') fields.push({ path: 'title', message: 'Enter a title for the recording' });
  if (!audience.success) fields.push({ path: 'audience', message: 'Choose who may hear or read your recording' });
  return fields;
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

  const form = useSubmitForm(ids, {
    read: readUpload,
    check: checkFirst,
    send: async ({ file, audience, ...details }) => {
      if (!file || !audience.success) return; // checkFirst has named what is missing
      lastAnnounced.current = -1;
      setAnnounce('Uploading 0%');
      setProgress({ state: 'sending', fraction: 0 });
      try {
        const clip = await uploadRecording(workspaceId, { file, audience: audience.data, ...details }, onProgress);
        setProgress({ state: 'sent', title: clip.title });
        setAnnounce('');
        setFormKey((k) => k + 1); // a fresh, empty form for the next one
        // The send button goes with the old form: focus waits at the top of the new one, under "Sent".
        focusWhenShown('upload-heading');
        onUploaded();
      } catch (e) {
        setProgress({ state: 'idle' });
        setAnnounce('');
        throw e; // the form shows what went wrong
      }
    },
    onError,
  });

  const percent = progress.state === 'sending' ? Math.floor(progress.fraction * 100) : 0;
  return (
    <section className="panel upload" aria-labelledby="upload-heading" id="upload">
      {/* Focusable, so the "Upload a recording" link and a finished send both leave focus here, not on the page. */}
      <h2 className="heading-l" id="upload-heading" tabIndex={-1}>
        Upload a recording
      </h2>
      <p>Send a sound file you have already made, such as a voice memo from your phone.</p>
      <FormWithSummary
        form={form}
        formKey={formKey}
        intro={
          <StatusMessage tone="success">
            {progress.state === 'sent'
              ? `Sent. “${progress.title}” is being processed and will show as Ready in the list when it can be played.`
              : null}
          </StatusMessage>
        }
        submit={sending ? 'Sending…' : 'Send your recording'}
      >
        <FileField
          {...form.problems.field('audio')}
          label="Recording"
          hint="A sound file from your phone or computer, such as a voice memo."
          accept={accept}
        />
        <details className="more-detail">
          <summary>More detail: which sound files work</summary>
          <p>Chorus takes these formats: {acceptedAudioFormats.join(', ')}.</p>
        </details>
        <TextField
          {...form.problems.field('title')}
          label="Title"
          hint="A few words so people know which story this is, for example “Mornings with Mum”."
          autoComplete="off"
        />
        <ConsentFields audienceError={form.problems.fieldError('audience')} />
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
      </FormWithSummary>
    </section>
  );
}
