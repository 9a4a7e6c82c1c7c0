import { useMemo, useState, type FormEvent } from 'react';
import { audienceSchema, currentConsentVersion, type Clip } from '../../../../shared/contracts/clips';
import { ApiError } from '../../api/ApiError';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formText } from '../../components/formText';
import { StatusMessage } from '../../components/StatusMessage';
import { useFormProblems } from '../../components/useFormProblems';
import { consentFieldIds, ConsentFields } from '../clips/ConsentFields';
import { sendRecording, type Sendable } from './sendRecording';
import { UploadLine } from './UploadLine';
import { useUploadStatus } from './useUploadStatus';

interface SendStepProps {
  recording: Sendable;
  onSent(clip: Clip): void;
  onBack(): void;
  backLabel: string;
}

/**
 * The consent step, then sending: waits for any pieces still on their way (offline: it keeps trying),
 * then asks the server to put the recording together.
 */
export function SendStep({ recording, onSent, onBack, backLabel }: SendStepProps) {
  const ids = useMemo(() => ({ audience: `rec-${consentFieldIds.audience('public')}` }), []);
  const problems = useFormProblems(ids);
  const [sending, setSending] = useState(false);
  const upload = useUploadStatus(recording.uploader);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    const form = new FormData(event.currentTarget);
    const audience = audienceSchema.safeParse(formText(event.currentTarget, 'audience'));
    problems.clear();
    if (!audience.success) {
      return problems.show(
        new ApiError('validation_failed', 'Check the form.', {
          status: 400,
          fields: [{ path: 'audience', message: 'Choose who may hear or read your recording' }],
        }),
      );
    }
    setSending(true);
    try {
      const clip = await sendRecording(
        recording,
        {
          podcast: form.get('podcast') === 'on',
          publicationQuotes: form.get('publicationQuotes') === 'on',
          audience: audience.data,
          wordingVersion: currentConsentVersion,
        },
        recording.title,
      );
      onSent(clip);
    } catch (e) {
      problems.show(e);
      setSending(false);
    }
  };

  const waiting =
    sending && upload !== null && upload.phase !== 'safe' && upload.phase !== 'failed' && upload.phase !== 'lost';
  return (
    <>
      <ErrorSummary items={problems.summary} />
      {recording.title.trim() ? <p className="caption">Your recording: “{recording.title.trim()}”</p> : null}
      <form onSubmit={submit} noValidate>
        <ConsentFields idPrefix="rec-" pageHeadingSaysIt audienceError={problems.fieldError('audience')} />
        <StatusMessage>
          {sending ? (waiting ? 'Sending the last part of your recording…' : 'Sending your recording…') : null}
        </StatusMessage>
        {waiting ? <UploadLine status={upload} recording={false} /> : null}
        <div className="button-group">
          <Button type="submit" className="button--big" busy={sending}>
            Send your recording
          </Button>
          <Button variant="secondary" className="button--big" onClick={onBack} disabled={sending}>
            {backLabel}
          </Button>
        </div>
      </form>
    </>
  );
}
