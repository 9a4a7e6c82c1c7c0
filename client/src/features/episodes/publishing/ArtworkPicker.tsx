import { useId } from 'react';
import type { Artwork } from '../../../../../shared/contracts/publishing';
import { artworkRuleSentence } from '../../../../../shared/contracts/publishing';
import { Button } from '../../../components/Button';
import { StatusMessage } from '../../../components/StatusMessage';
import { pictureProblem } from './pictureSize';
import { FileField } from '../../../components/FileField';
import { useFileUpload } from './useFileUpload';

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
  const { input, chosen, busy, problem, setProblem, status, setStatus, send: sendFile } = useFileUpload();

  const send = async () => {
    const file = chosen();
    setStatus('');
    if (!file) return setProblem('Choose a picture to upload.');
    const found = await pictureProblem(file);
    if (found) return setProblem(found);
    setStatus('Uploading the picture…');
    await sendFile(() => upload(file), 'Picture saved.');
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
          <FileField
            id={id}
            label={current ? `Change the artwork for ${whose}` : `Artwork for ${whose}`}
            hint={<>A PNG or JPEG: {artworkRuleSentence}.</>}
            accept="image/png,image/jpeg"
            error={problem ?? undefined}
            ref={input}
          />
          <Button variant="secondary" busy={busy} onClick={() => void send()}>
            Upload the picture
          </Button>
          <StatusMessage tone="success">{status}</StatusMessage>
        </>
      ) : null}
    </div>
  );
}
