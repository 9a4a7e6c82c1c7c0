import type { DragEvent } from 'react';
import type { ClipSummary } from '../../../../shared/contracts/clips';
import type { MusicAsset } from '../../../../shared/contracts/music';
import { Button } from '../../components/Button';
import { lengthWords } from '../clips/clipWords';
import { clipAudioUrl } from './ClipBin';
import { trimTime } from './episodeWords';
import { NumberField } from './NumberField';
import type { TimelineItem, TimelinePeer } from './timeline/timelineHandle';
import { TimeField } from './TimeField';
import type { ClipPreview } from './useClipPreview';

export interface ItemRowProps {
  item: TimelineItem;
  index: number;
  count: number;
  /** Where it starts in the finished episode. */
  startSeconds: number;
  clip: ClipSummary | undefined;
  music: MusicAsset | undefined;
  canEdit: boolean;
  peers: TimelinePeer[];
  /** The server's words about this item (a withdrawn clip, a trim past the end). */
  problems: string[];
  dropHere: 'before' | 'after' | null;
  preview: ClipPreview;
  onChange(patch: Partial<TimelineItem>): void;
  onMove(to: number): void;
  onRemove(): void;
  onFocus(): void;
  onDragStart(): void;
  onDragEnd(): void;
  onDragOver(event: DragEvent<HTMLLIElement>): void;
  onDrop(event: DragEvent<HTMLLIElement>): void;
}

const musicRoleWords: Record<string, string> = {
  intro: 'Intro music',
  outro: 'Outro music',
  bed: 'Music under speech',
};

export function itemTitle(item: TimelineItem, clip: ClipSummary | undefined, music?: MusicAsset): string {
  if (item.kind === 'music')
    return `${musicRoleWords[item.role] ?? 'Music'}: ${music?.title ?? 'music that is no longer here'}`;
  return clip?.title ?? 'A clip that can no longer be used';
}

/** One item on the timeline: what it is, where it plays, its trim, volume and crossfade, and buttons to move or remove it. */
export function TimelineItemRow(props: ItemRowProps) {
  const { item, index, count, startSeconds, clip, music, canEdit, peers, problems, dropHere, preview } = props;
  const n = index + 1;
  const title = itemTitle(item, clip, music);
  const audio =
    item.kind === 'clip'
      ? clip
        ? { key: clip.id, url: clipAudioUrl(clip.id), length: clip.durationSeconds }
        : null
      : music
        ? { key: music.id, url: music.audioUrl, length: music.durationSeconds }
        : null;
  const bed = item.kind === 'music' && item.role === 'bed';
  const idFor = (field: string) => `item-${n}-${field}`;
  const classes = [
    'timeline-item',
    problems.length > 0 ? 'timeline-item--problem' : '',
    dropHere ? `timeline-item--drop-${dropHere}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const length = item.outSeconds - item.inSeconds;

  return (
    <li
      className={classes}
      aria-label={`Item ${n}: ${title}`}
      onDragOver={props.onDragOver}
      onDrop={props.onDrop}
      onFocus={props.onFocus}
    >
      {/* The heading is the grip, so selecting text in the fields below never starts a drag. */}
      <div
        className={canEdit ? 'timeline-item__head timeline-item__head--grip' : 'timeline-item__head'}
        draggable={canEdit}
        onDragStart={(e) => {
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', title);
          const row = e.currentTarget.closest('li');
          if (row) e.dataTransfer.setDragImage(row, 20, 20);
          props.onDragStart();
        }}
        onDragEnd={props.onDragEnd}
      >
        <span className="timeline-item__number" aria-hidden="true">
          {n}
        </span>
        <div>
          <h3 className="timeline-item__title">{title}</h3>
          <p className="timeline-item__meta">
            {bed
              ? `Starts at ${trimTime(startSeconds)}; ${item.leadSeconds > 0 ? `plays alone for ${lengthWords(item.leadSeconds)}, then` : 'plays'} under the items after it`
              : `Plays from ${trimTime(startSeconds)} for ${lengthWords(Math.max(0, length))}`}
            {clip ? ` · recorded by ${clip.contributor.name}` : ''}
            {audio?.length
              ? ` · the whole ${item.kind === 'clip' ? 'clip' : 'piece'} is ${trimTime(audio.length)} long`
              : ''}
          </p>
          {peers.length > 0 ? (
            <p className="timeline-item__peers">
              {peers.map((p) => (
                <span key={p.key} className="peer-tag" style={{ borderColor: p.colour }}>
                  {p.name} is looking at this
                </span>
              ))}
            </p>
          ) : null}
        </div>
      </div>
      {problems.map((p) => (
        <p key={p} className="field__error">
          <span className="visually-hidden">Error: </span>
          {p}
        </p>
      ))}
      <div className="timeline-item__fields">
        <TimeField
          id={idFor('in')}
          label="Start at"
          seconds={item.inSeconds}
          disabled={!canEdit}
          onCommit={(inSeconds) => props.onChange({ inSeconds })}
        />
        <TimeField
          id={idFor('out')}
          label="End at"
          seconds={item.outSeconds}
          disabled={!canEdit}
          onCommit={(outSeconds) => props.onChange({ outSeconds })}
        />
        <NumberField
          id={idFor('gain')}
          label="Volume change (dB)"
          hint="0 keeps the levelled volume"
          value={item.gainDb}
          min={-20}
          max={20}
          step={1}
          disabled={!canEdit}
          onCommit={(gainDb) => props.onChange({ gainDb })}
        />
        {bed ? (
          <>
            <NumberField
              id={idFor('crossfade')}
              label="Fade in and out (seconds)"
              value={item.crossfadeSeconds}
              min={0}
              max={10}
              step={0.5}
              disabled={!canEdit}
              onCommit={(crossfadeSeconds) => props.onChange({ crossfadeSeconds })}
            />
            <NumberField
              id={idFor('lead')}
              label="Plays alone first for (seconds)"
              hint="0 to start under the next item"
              value={item.leadSeconds}
              min={0}
              max={600}
              step={0.5}
              disabled={!canEdit}
              onCommit={(leadSeconds) => props.onChange({ leadSeconds })}
            />
            <NumberField
              id={idFor('duck')}
              label="Quieter under speech by (dB)"
              value={item.duckDb}
              min={0}
              max={40}
              step={1}
              disabled={!canEdit}
              onCommit={(duckDb) => props.onChange({ duckDb })}
            />
          </>
        ) : index > 0 ? (
          <NumberField
            id={idFor('crossfade')}
            label="Blend in from the item before (seconds)"
            hint="0 for a straight cut"
            value={item.crossfadeSeconds}
            min={0}
            max={10}
            step={0.5}
            disabled={!canEdit}
            onCommit={(crossfadeSeconds) => props.onChange({ crossfadeSeconds })}
          />
        ) : null}
      </div>
      <div className="timeline-item__actions">
        {audio ? (
          preview.playing === audio.key ? (
            <Button variant="secondary" className="button--small" onClick={preview.stop}>
              Stop<span className="visually-hidden"> item {n}</span>
            </Button>
          ) : (
            <Button
              variant="secondary"
              className="button--small"
              onClick={() => preview.play(audio.key, audio.url, item.inSeconds, item.outSeconds)}
            >
              Play this part<span className="visually-hidden"> (item {n})</span>
            </Button>
          )
        ) : null}
        {canEdit ? (
          <>
            <Button
              id={idFor('earlier')}
              variant="secondary"
              className="button--small"
              aria-disabled={index === 0 || undefined}
              onClick={() => index > 0 && props.onMove(index - 1)}
            >
              Move earlier<span className="visually-hidden"> item {n}</span>
            </Button>
            <Button
              id={idFor('later')}
              variant="secondary"
              className="button--small"
              aria-disabled={index === count - 1 || undefined}
              onClick={() => index < count - 1 && props.onMove(index + 1)}
            >
              Move later<span className="visually-hidden"> item {n}</span>
            </Button>
            <Button variant="warning" className="button--small" onClick={props.onRemove}>
              Remove<span className="visually-hidden"> item {n}</span>
            </Button>
          </>
        ) : null}
      </div>
    </li>
  );
}
