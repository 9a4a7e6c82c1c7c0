import type { DragEvent } from 'react';
import type { ClipSummary } from '../../../../shared/contracts/clips';
import type { MusicAsset } from '../../../../shared/contracts/music';
import { Button } from '../../components/Button';
import { lengthWords } from '../clips/clipWords';
import { clipAudioUrl } from './ClipBin';
import { trimTime } from './episodeWords';
import { NumberField } from './NumberField';
import { PreviewButton } from './PreviewButton';
import type { TimelineItem, TimelinePeer } from './timeline/timelineHandle';
import { TimeField } from './TimeField';
import type { ClipPreview } from './useClipPreview';

/** The id of the title of the item at `index`, which takes focus when the item has just been added. */
export const timelineItemTitleId = (index: number) => `item-${index + 1}-title`;

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

interface Setting {
  label: string;
  hint?: string;
  min: number;
  max: number;
  step: number;
}

/** The number settings an item can have: what each is called and the values it may take. */
const settings = {
  gain: { label: 'Volume change (dB)', hint: '0 keeps the levelled volume', min: -20, max: 20, step: 1 },
  fade: { label: 'Fade in and out (seconds)', min: 0, max: 10, step: 0.5 },
  lead: {
    label: 'Plays alone first for (seconds)',
    hint: '0 to start under the next item',
    min: 0,
    max: 600,
    step: 0.5,
  },
  duck: { label: 'Quieter under speech by (dB)', min: 0, max: 40, step: 1 },
  blend: { label: 'Blend in from the item before (seconds)', hint: '0 for a straight cut', min: 0, max: 10, step: 0.5 },
} satisfies Record<string, Setting>;

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
  const numberField = (field: string, setting: Setting, value: number, patch: (v: number) => Partial<TimelineItem>) => (
    <NumberField
      id={idFor(field)}
      {...setting}
      value={value}
      disabled={!canEdit}
      onCommit={(v) => props.onChange(patch(v))}
    />
  );
  const moveButton = (field: string, to: number, words: string) => {
    const possible = to >= 0 && to < count;
    return (
      <Button
        id={idFor(field)}
        variant="secondary"
        className="button--small"
        aria-disabled={!possible || undefined}
        onClick={() => possible && props.onMove(to)}
      >
        {words}
        <span className="visually-hidden"> item {n}</span>
      </Button>
    );
  };

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
          <h3 className="timeline-item__title" id={timelineItemTitleId(props.index)} tabIndex={-1}>
            {title}
          </h3>
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
        {numberField('gain', settings.gain, item.gainDb, (gainDb) => ({ gainDb }))}
        {bed ? (
          <>
            {numberField('crossfade', settings.fade, item.crossfadeSeconds, (crossfadeSeconds) => ({
              crossfadeSeconds,
            }))}
            {numberField('lead', settings.lead, item.leadSeconds, (leadSeconds) => ({ leadSeconds }))}
            {numberField('duck', settings.duck, item.duckDb, (duckDb) => ({ duckDb }))}
          </>
        ) : index > 0 ? (
          numberField('crossfade', settings.blend, item.crossfadeSeconds, (crossfadeSeconds) => ({ crossfadeSeconds }))
        ) : null}
      </div>
      <div className="timeline-item__actions">
        {audio ? (
          <PreviewButton
            preview={preview}
            audioKey={audio.key}
            url={audio.url}
            from={item.inSeconds}
            to={item.outSeconds}
            name={` item ${n}`}
            playText="Play this part"
            playName={` (item ${n})`}
          />
        ) : null}
        {canEdit ? (
          <>
            {moveButton('earlier', index - 1, 'Move earlier')}
            {moveButton('later', index + 1, 'Move later')}
            <Button variant="warning" className="button--small" onClick={props.onRemove}>
              Remove<span className="visually-hidden"> item {n}</span>
            </Button>
          </>
        ) : null}
      </div>
    </li>
  );
}
