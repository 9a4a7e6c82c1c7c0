import { useRef, useState, type FormEvent } from 'react';
import type { MusicAsset } from '../../../../shared/contracts/music';
import type { MusicRole } from '../../../../shared/contracts/episodes';
import { LoadState } from '../../app/LoadState';
import { Button } from '../../components/Button';
import { FileField } from '../../components/FileField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useAction } from '../../components/useAction';
import { LabelledSection } from '../../components/LabelledSection';
import { ProblemAlert } from '../../components/ProblemAlert';
import { lengthWords } from '../clips/clipWords';
import { uploadMusic } from './musicApi';
import { PreviewButton } from './PreviewButton';
import type { ClipPreview } from './useClipPreview';
import type { MusicListState } from './useMusicList';

interface MusicBinProps {
  workspaceId: string;
  list: MusicListState;
  canEdit: boolean;
  preview: ClipPreview;
  onAdd(music: MusicAsset, role: MusicRole): void;
  onUploaded(): void;
}

const statusWords = (m: MusicAsset) =>
  m.status === 'failed'
    ? `Could not be used: ${m.failureReason ?? 'the reason is not known.'}`
    : m.status === 'ready'
      ? null
      : 'Being processed…';

/** The ways music goes into an episode, in the order their buttons stand. */
const addAs: [MusicRole, string][] = [
  ['intro', 'Add as intro'],
  ['outro', 'Add as outro'],
  ['bed', 'Add under speech'],
];

/** The workspace's music: listen, add it as an intro, an outro or under speech, and upload more. */
export function MusicBin({ workspaceId, list, canEdit, preview, onAdd, onUploaded }: MusicBinProps) {
  const { busy, problem, setProblem, run } = useAction();
  const [sent, setSent] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  const upload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const title = String(data.get('title') ?? '').trim();
    const file = data.get('audio');
    setSent('');
    if (title === '') return setProblem('Enter a title for the music');
    if (!(file instanceof File) || file.size === 0) return setProblem('Choose a music file to upload');
    await run(async () => {
      const music = await uploadMusic(workspaceId, title, file);
      setSent(`Sent. “${music.title}” is being processed; it can be used when it is ready.`);
      formRef.current?.reset();
      onUploaded();
    });
  };

  return (
    <LabelledSection className="bin bin--music" headingId="music-heading" headingClass="heading-m" title="Music">
      <LoadState resource={list} loading="Loading music…" />
      {list.status === 'ready' && list.data.length === 0 ? <p>There is no music here yet.</p> : null}
      {list.status === 'ready' && list.data.length > 0 ? (
        <ul className="bin__list" aria-label="Music">
          {list.data.map((m) => (
            <li key={m.id} className="bin-card bin-card--music">
              <p className="bin-card__title">{m.title}</p>
              <p className="bin-card__meta">{statusWords(m) ?? lengthWords(m.durationSeconds ?? 0)}</p>
              {m.status === 'ready' ? (
                <div className="bin-card__actions">
                  <PreviewButton preview={preview} audioKey={m.id} url={m.audioUrl} name={` ${m.title}`} />
                  {canEdit
                    ? addAs.map(([role, words]) => (
                        <Button
                          key={role}
                          className="button--small"
                          onClick={() => onAdd(m, role)}
                          aria-label={`${words}: ${m.title}`}
                        >
                          {words}
                        </Button>
                      ))
                    : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit ? (
        <details className="music-upload">
          <summary>Upload music</summary>
          <form ref={formRef} onSubmit={upload} noValidate>
            <TextField id="music-title" name="title" label="Title" autoComplete="off" />
            <FileField
              id="music-file"
              name="audio"
              label="Music file"
              hint="WAV, MP3, M4A, OGG, WebM or FLAC. Use only music you have the right to put in a podcast."
              accept="audio/*"
            />
            <ProblemAlert problem={problem} />
            <Button type="submit" variant="secondary" busy={busy}>
              Upload music
            </Button>
          </form>
          <StatusMessage tone="success">{sent}</StatusMessage>
        </details>
      ) : null}
    </LabelledSection>
  );
}
