import { useState, type FormEvent } from 'react';
import { audienceSchema, currentConsentVersion, type Clip } from '../../../../shared/contracts/clips';
import { toApiError } from '../../api/ApiError';
import { SubmitOrCancel } from '../../components/SubmitOrCancel';
import { changeConsent } from './clipsApi';
import { ConsentFields } from './ConsentFields';

/** The consent step again, filled in with the current choices; saving keeps the old record too. */
export function ChangeConsentForm({
  clip,
  onSaved,
  onCancel,
}: {
  clip: Clip;
  onSaved(clip: Clip): void;
  onCancel(): void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [audienceError, setAudienceError] = useState<string | undefined>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const audience = audienceSchema.safeParse(data.get('audience'));
    if (!audience.success) return setAudienceError('Choose who may hear or read the recording');
    setAudienceError(undefined);
    setBusy(true);
    setProblem(null);
    try {
      onSaved(
        await changeConsent(clip.id, {
          podcast: data.get('podcast') === 'on',
          publicationQuotes: data.get('publicationQuotes') === 'on',
          audience: audience.data,
          wordingVersion: currentConsentVersion,
        }),
      );
    } catch (e) {
      setProblem(toApiError(e).message);
      setBusy(false);
    }
  };

  const initial = clip.consent;
  return (
    <form onSubmit={submit} noValidate className="consent__change">
      {problem ? <p className="field__error">{problem}</p> : null}
      <ConsentFields idPrefix="change-" initial={initial} audienceError={audienceError} />
      <SubmitOrCancel busy={busy} onCancel={onCancel}>
        Save choices
      </SubmitOrCancel>
    </form>
  );
}
