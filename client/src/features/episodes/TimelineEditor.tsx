import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { ClipSummary } from '../../../../shared/contracts/clips';
import type { MusicAsset } from '../../../../shared/contracts/music';
import { StatusMessage } from '../../components/StatusMessage';
import { clockTime } from '../clips/clipWords';
import { ChaptersEditor } from './ChaptersEditor';
import { moveTarget, type Dragged } from './dragging';
import { totalSentence, totalWords } from './episodeWords';
import type { TimelineHandle, TimelineItem } from './timeline/timelineHandle';
import { itemStarts, timelineSeconds } from './timeline/timelineOps';
import { itemTitle, TimelineItemRow } from './TimelineItemRow';
import type { ClipPreview } from './useClipPreview';

interface TimelineEditorProps {
  handle: TimelineHandle;
  clips: Map<string, ClipSummary>;
  music: Map<string, MusicAsset>;
  /** Problems the server named for items by position (items.N…), e.g. from a refused render. */
  itemProblems: Map<number, string[]>;
  /** Problems the server named that belong to no one item. */
  otherProblems: string[];
  dragged: Dragged | null;
  preview: ClipPreview;
  onDragStart(d: Dragged): void;
  onDragEnd(): void;
  newItemFor(clipId: string): Parameters<TimelineHandle['insertItem']>[1] | null;
}

/** The episode in order: each item with its trim and crossfade, drop places, the total length and the chapters. */
export function TimelineEditor({
  handle,
  clips,
  music,
  itemProblems,
  otherProblems,
  dragged,
  preview,
  onDragStart,
  onDragEnd,
  newItemFor,
}: TimelineEditorProps) {
  const { timeline, canEdit } = handle;
  const [dropBefore, setDropBefore] = useState<number | null>(null);
  const [news, setNews] = useState('');
  const focusAfterMove = useRef<string | null>(null);
  const starts = itemStarts(timeline);
  const total = timelineSeconds(timeline);
  const count = timeline.items.length;

  useEffect(() => {
    if (!dragged) setDropBefore(null);
  }, [dragged]);
  useEffect(() => {
    if (focusAfterMove.current) document.getElementById(focusAfterMove.current)?.focus();
    focusAfterMove.current = null;
  });

  const titleAt = (i: number) => {
    const item = timeline.items[i];
    return item
      ? itemTitle(
          item,
          item.kind === 'clip' ? clips.get(item.clipId) : undefined,
          item.kind === 'music' ? music.get(item.assetId) : undefined,
        )
      : '';
  };

  const over = (event: DragEvent<HTMLElement>, before: number) => {
    if (!dragged || !canEdit) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = dragged.from === 'bin' ? 'copy' : 'move';
    if (dropBefore !== before) setDropBefore(before);
  };
  const overItem = (event: DragEvent<HTMLLIElement>, index: number) => {
    const box = event.currentTarget.getBoundingClientRect();
    over(event, event.clientY < box.top + box.height / 2 ? index : index + 1);
  };
  const drop = (event: DragEvent<HTMLElement>, fallback: number) => {
    if (!dragged || !canEdit) return;
    event.preventDefault();
    const before = dropBefore ?? fallback;
    if (dragged.from === 'bin') {
      const item = newItemFor(dragged.clipId);
      if (item) {
        handle.insertItem(before, item);
        setNews(`Added “${clips.get(dragged.clipId)?.title ?? 'the clip'}” as item ${before + 1}.`);
      }
    } else {
      const to = moveTarget(dragged.index, before);
      if (to !== dragged.index) {
        setNews(`Moved “${titleAt(dragged.index)}” to position ${to + 1}.`);
        handle.moveItem(dragged.index, to);
      }
    }
    setDropBefore(null);
    onDragEnd();
  };

  const move = (from: number, to: number) => {
    setNews(`Moved “${titleAt(from)}” to position ${to + 1}.`);
    focusAfterMove.current = `item-${to + 1}-${to < from ? 'earlier' : 'later'}`;
    handle.moveItem(from, to);
  };
  const change = (index: number, patch: Partial<TimelineItem>) => {
    const items = timeline.items.map((item, i) => (i === index ? ({ ...item, ...patch } as TimelineItem) : item));
    setNews(`Changed item ${index + 1}. ${totalSentence(timelineSeconds({ ...timeline, items }))}`);
    handle.updateItem(index, patch);
  };
  const remove = (index: number) => {
    setNews(`Removed “${titleAt(index)}” from the episode.`);
    handle.removeItem(index);
  };

  return (
    <section className="timeline" aria-labelledby="timeline-heading">
      <div className="timeline__top">
        <h2 className="heading-m" id="timeline-heading">
          The episode, in order
        </h2>
        {/* Not a live region: it changes with every edit, anyone's. The total is said when this person commits an edit. */}
        <p className="timeline__total">
          Total length: <strong data-testid="total-length">{clockTime(total)}</strong>{' '}
          <span className="quiet">({totalWords(total).toLowerCase()})</span>
        </p>
      </div>
      {handle.status === 'loading' ? <p>Loading the timeline…</p> : null}
      {handle.error || otherProblems.length > 0 ? (
        <div className="timeline__problems" role="alert">
          <h3 className="heading-s">There is a problem with the episode</h3>
          <ul>
            {[...new Set([...(handle.error ? [handle.error] : []), ...otherProblems])].map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="visually-hidden">
        <StatusMessage>{news}</StatusMessage>
      </div>
      <ol
        className="timeline__list"
        aria-label="Timeline"
        onDragLeave={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setDropBefore(null)}
      >
        {timeline.items.map((item, index) => (
          <TimelineItemRow
            key={index}
            item={item}
            index={index}
            count={count}
            startSeconds={starts[index] ?? 0}
            clip={item.kind === 'clip' ? clips.get(item.clipId) : undefined}
            music={item.kind === 'music' ? music.get(item.assetId) : undefined}
            canEdit={canEdit}
            peers={handle.peers.filter((p) => p.selectedIndex === index)}
            problems={itemProblems.get(index) ?? []}
            dropHere={
              dropBefore === index ? 'before' : dropBefore === index + 1 && index === count - 1 ? 'after' : null
            }
            preview={preview}
            onChange={(patch) => change(index, patch)}
            onMove={(to) => move(index, to)}
            onRemove={() => remove(index)}
            onFocus={() => handle.select(index)}
            onDragStart={() => onDragStart({ from: 'timeline', index })}
            onDragEnd={onDragEnd}
            onDragOver={(e) => overItem(e, index)}
            onDrop={(e) => drop(e, index)}
          />
        ))}
      </ol>
      {canEdit ? (
        <div
          className={
            dragged
              ? dropBefore === count
                ? 'drop-zone drop-zone--active drop-zone--over'
                : 'drop-zone drop-zone--active'
              : 'drop-zone'
          }
          data-testid="timeline-drop-zone"
          onDragOver={(e) => over(e, count)}
          onDrop={(e) => drop(e, count)}
        >
          {count === 0
            ? 'The timeline is empty. Drag clips here, or press “Add to episode” beside a clip.'
            : 'Drop a clip here to add it at the end.'}
        </div>
      ) : null}
      <ChaptersEditor handle={handle} starts={starts} total={total} titleAt={titleAt} />
    </section>
  );
}
