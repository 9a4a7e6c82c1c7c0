import type { DragEvent } from 'react';
import type { ClipSummary } from '../../../../shared/contracts/clips';
import { LoadState } from '../../app/LoadState';
import { Button } from '../../components/Button';
import { LabelledSection } from '../../components/LabelledSection';
import { lengthWords } from '../clips/clipWords';
import type { ClipListState } from '../clips/useClipList';
import type { Dragged } from './dragging';
import { PreviewButton } from './PreviewButton';
import { usableClips } from './usableClips';
import type { ClipPreview } from './useClipPreview';

export const clipAudioUrl = (clipId: string) => `/api/clips/${encodeURIComponent(clipId)}/audio`;

interface ClipBinProps {
  list: ClipListState;
  canEdit: boolean;
  preview: ClipPreview;
  onAdd(clip: ClipSummary): void;
  onDragStart(d: Dragged): void;
  onDragEnd(): void;
}

/** "Clips you can use": drag one onto the timeline, or press "Add to episode". */
export function ClipBin({ list, canEdit, preview, onAdd, onDragStart, onDragEnd }: ClipBinProps) {
  const start = (event: DragEvent<HTMLLIElement>, clip: ClipSummary) => {
    event.dataTransfer.effectAllowed = 'copy';
    event.dataTransfer.setData('text/plain', clip.title);
    onDragStart({ from: 'bin', clipId: clip.id });
  };
  return (
    <LabelledSection className="bin" headingId="bin-heading" headingClass="heading-m" title="Clips you can use">
      <p className="quiet">
        Approved recordings whose makers agreed to their use in podcast episodes.
        {canEdit ? ' Drag one onto the timeline, or press “Add to episode”.' : ''}
      </p>
      <LoadState resource={list} loading="Loading clips…" />
      {list.status === 'ready' && usableClips(list.data).length === 0 ? (
        <p>
          No clips can be used yet. Clips appear here once they are approved and their makers agreed to podcast use.
        </p>
      ) : null}
      {list.status === 'ready' ? (
        <ul className="bin__list" aria-label="Clips you can use">
          {usableClips(list.data).map((clip) => (
            <li
              key={clip.id}
              className="bin-card"
              draggable={canEdit}
              onDragStart={(e) => start(e, clip)}
              onDragEnd={onDragEnd}
            >
              <p className="bin-card__title">{clip.title}</p>
              <p className="bin-card__meta">
                {clip.contributor.name} · {lengthWords(clip.durationSeconds ?? 0)}
              </p>
              <div className="bin-card__actions">
                <PreviewButton
                  preview={preview}
                  audioKey={clip.id}
                  url={clipAudioUrl(clip.id)}
                  name={` ${clip.title}`}
                />
                {canEdit ? (
                  <Button
                    className="button--small"
                    onClick={() => onAdd(clip)}
                    aria-label={`Add to episode: ${clip.title}`}
                  >
                    Add to episode
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </LabelledSection>
  );
}
