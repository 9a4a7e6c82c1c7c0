import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { FieldShell } from '../../components/FieldShell';
import type { TimelineHandle } from './timeline/timelineHandle';
import { TimeField } from './TimeField';

interface ChaptersEditorProps {
  handle: TimelineHandle;
  /** Where each item starts in the episode. */
  starts: number[];
  total: number;
  titleAt(index: number): string;
}

function ChapterTitle({
  id,
  title,
  disabled,
  onCommit,
}: {
  id: string;
  title: string;
  disabled: boolean;
  onCommit(t: string): void;
}) {
  const [draft, setDraft] = useState(title);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(title), [title]);
  const commit = () => {
    const t = draft.trim();
    if (t === '') return setProblem('Enter a name for the chapter');
    setProblem(null);
    if (t !== title) onCommit(t);
  };
  return (
    <FieldShell id={id} label="Chapter name" error={problem ?? undefined}>
      {(describedBy) => (
        <input
          id={id}
          className="input"
          value={draft}
          maxLength={200}
          disabled={disabled}
          aria-describedby={describedBy}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), commit())}
        />
      )}
    </FieldShell>
  );
}

/** Chapters: named points listeners can jump to. One click names a chapter after each story. */
export function ChaptersEditor({ handle, starts, total, titleAt }: ChaptersEditorProps) {
  const { timeline, canEdit } = handle;
  const chapters = timeline.chapters;
  const set = (next: typeof chapters) => handle.setChapters([...next].sort((a, b) => a.atSeconds - b.atSeconds));

  const afterEachStory = () =>
    set(
      timeline.items.flatMap((item, i) =>
        item.kind === 'clip'
          ? [{ atSeconds: Math.round((starts[i] ?? 0) * 10) / 10, title: titleAt(i).slice(0, 200) }]
          : [],
      ),
    );

  return (
    <section className="chapters" aria-labelledby="chapters-heading">
      <h3 className="heading-s" id="chapters-heading">
        Chapters
      </h3>
      <p className="quiet">Listeners can jump straight to a chapter. A chapter must start before the episode ends.</p>
      {chapters.length === 0 ? <p>No chapters yet.</p> : null}
      <ol className="chapters__list" aria-label="Chapters">
        {chapters.map((c, i) => (
          <li key={i} className="chapters__item">
            <ChapterTitle
              id={`chapter-${i + 1}-title`}
              title={c.title}
              disabled={!canEdit}
              onCommit={(title) => set(chapters.map((x, j) => (j === i ? { ...x, title } : x)))}
            />
            <TimeField
              id={`chapter-${i + 1}-at`}
              label="Starts at"
              seconds={c.atSeconds}
              disabled={!canEdit}
              error={total > 0 && c.atSeconds >= total ? 'This is after the end of the episode' : undefined}
              onCommit={(atSeconds) => set(chapters.map((x, j) => (j === i ? { ...x, atSeconds } : x)))}
            />
            {canEdit ? (
              <Button
                variant="secondary"
                className="button--small"
                onClick={() => set(chapters.filter((_, j) => j !== i))}
              >
                Remove chapter<span className="visually-hidden"> {c.title}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit ? (
        <div className="button-group">
          <Button
            variant="secondary"
            aria-disabled={timeline.items.length === 0 || undefined}
            onClick={() => timeline.items.length > 0 && afterEachStory()}
          >
            Name a chapter after each clip
          </Button>
          <Button
            variant="secondary"
            onClick={() => set([...chapters, { atSeconds: 0, title: `Chapter ${chapters.length + 1}` }])}
          >
            Add a chapter
          </Button>
        </div>
      ) : null}
    </section>
  );
}
