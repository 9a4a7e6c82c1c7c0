import { Button } from '../../components/Button';
import type { ClipPreview } from './useClipPreview';

interface PreviewButtonProps {
  preview: ClipPreview;
  /** What is played (a clip's or music's id) and where its audio is; `from` and `to` play only that part. */
  audioKey: string;
  url: string;
  from?: number;
  to?: number;
  /** Words only screen readers hear after "Stop", and after "Play" unless `playName` says otherwise. */
  name: string;
  playText?: string;
  playName?: string;
}

/** Play, or Stop while it plays: one piece of audio heard while building an episode. */
export function PreviewButton({
  preview,
  audioKey,
  url,
  from,
  to,
  name,
  playText = 'Play',
  playName = name,
}: PreviewButtonProps) {
  if (preview.playing === audioKey) {
    return (
      <Button variant="secondary" className="button--small" onClick={preview.stop}>
        Stop<span className="visually-hidden">{name}</span>
      </Button>
    );
  }
  return (
    <Button variant="secondary" className="button--small" onClick={() => preview.play(audioKey, url, from, to)}>
      {playText}
      <span className="visually-hidden">{playName}</span>
    </Button>
  );
}
