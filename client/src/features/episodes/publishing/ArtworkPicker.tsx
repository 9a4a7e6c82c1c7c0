import { useId, useRef, useState } from 'react';
import type { Artwork } from '../../../../../shared/contracts/publishing';
import { artworkRuleSentence } from '../../../../../shared/contracts/publishing';
import { toApiError } from '../../../api/ApiError';
import { Button } from '../../../components/Button';
import { StatusMessage } from '../../../components/StatusMessage';
import { pictureProblem } from './pictureSize';

interface ArtworkPickerProps {
  /** "the show" or "this episode": used in the label and the picture's description. */
  whose: string;
  current: Artwork | null;
  canEdit: boolean;
  upload(file: File): Promise<unknown>;
}

/** Shows the artwork and lets admins and editors choose a new one, checking its size before it is sent. */
export function ArtworkPicker({ whose, current, canEdit, upload }: ArtworkPickerProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async () => {
    const file = input.current?.files?.[0];
    setStatus('');
    if (!file) return setProblem('Choose a picture to upload.');
    const found = await pictureProblem(file);
    if (found) return setProblem(found);
    setProblem(null);
    setBusy(true);
    setStatus('Uploading the picture…');
    try {
      await upload(file);
      setStatus('Picture saved.');
      if (input.current) input.current.value = '';
    } catch (e) {
      setStatus('');
      setProblem(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="artwork-picker">
      {current ? (
        <img className="artwork-picker__image" src={current.url} width={160} height={160} alt={`Artwork for ${whose}`} />
      ) : (
        <p>No artwork uploaded for {whose} yet.</p>
      )}
      {canEdit ? (
        <>
          <div className={problem ? 'field field--error' : 'field'}>
            <label className="field__label" htmlFor={id}>
              {current ? `Change the artwork for ${whose}` : `Artwork for ${whose}`}
            </label>
            <div className="field__hint" id={`${id}-hint`}>
              A PNG or JPEG: {artworkRuleSentence}.
            </div>
            {problem ? (
              <p className="field__error" id={`${id}-error`}>
                <span className="visually-hidden">Error: </span>
                {problem}
              </p>
            ) : null}
            <input ref={input} id={id} type="file" accept="image/png,image/jpeg" aria-describedby={problem ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={problem ? true : undefined} />
          </div>
          <Button variant="secondary" busy={busy} onClick={() => void send()}>
            Upload the picture
          </Button>
          <StatusMessage tone="success">{status}</StatusMessage>
        </>
      ) : null}
    </div>
  );
}
