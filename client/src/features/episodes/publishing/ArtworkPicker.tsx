import { useId, useRef, useState } from 'react';
import type { Artwork } from '../../../../../shared/contracts/publishing';
import { artworkRuleSentence } from '../../../../../shared/contracts/publishing';
import { Button } from '../../../components/Button';
import { FieldShell } from '../../../components/FieldShell';
import { StatusMessage } from '../../../components/StatusMessage';
import { useAction } from '../../../components/useAction';
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
  const { busy, problem, setProblem, run } = useAction();
  const [status, setStatus] = useState('');

  const send = async () => {
    const file = input.current?.files?.[0];
    setStatus('');
    if (!file) return setProblem('Choose a picture to upload.');
    const found = await pictureProblem(file);
    if (found) return setProblem(found);
    setStatus('Uploading the picture…');
    const worked = await run(async () => {
      await upload(file);
      setStatus('Picture saved.');
      if (input.current) input.current.value = '';
    });
    if (!worked) setStatus('');
  };

  return (
    <div className="artwork-picker">
      {current ? (
        <img
          className="artwork-picker__image"
          src={current.url}
          width={160}
          height={160}
          alt={`Artwork for ${whose}`}
        />
      ) : (
        <p>No artwork uploaded for {whose} yet.</p>
      )}
      {canEdit ? (
        <>
          <FieldShell
            id={id}
            label={current ? `Change the artwork for ${whose}` : `Artwork for ${whose}`}
            hint={<>A PNG or JPEG: {artworkRuleSentence}.</>}
            error={problem ?? undefined}
          >
            {(describedBy) => (
              <input
                ref={input}
                id={id}
                type="file"
                accept="image/png,image/jpeg"
                aria-describedby={describedBy}
                aria-invalid={problem ? true : undefined}
              />
            )}
          </FieldShell>
          <Button variant="secondary" busy={busy} onClick={() => void send()}>
            Upload the picture
          </Button>
          <StatusMessage tone="success">{status}</StatusMessage>
        </>
      ) : null}
    </div>
  );
}
