import { useState } from 'react';
import type { DocumentInfo } from '../../../../../shared/contracts/documents';
import type { LiveSegment } from '../../../../../shared/transcripts/transcriptDoc';
import { toApiError } from '../../../api/ApiError';
import { Link } from '../../../app/router';
import { Button } from '../../../components/Button';
import { StatusMessage } from '../../../components/StatusMessage';
import { listDocuments } from '../../documents/documentsApi';
import { kindLabels } from '../../documents/kindWords';
import { addQuote } from '../../documents/quotes/quotesApi';
import { clockTime } from '../clipWords';
import { stretchOfWords, WordRangeFields } from './StruckWords';

/**
 * "Quote in a document" for one segment (issue 10 §4): the words chosen (the selection in the transcript when
 * there is one, else the first and last word with two selects, as "Hide words" does), a publication or script
 * the person may edit, and the server appends the quote to it. A clip whose speaker has not agreed to be quoted
 * is refused by the server (403); its message is shown as it is.
 */
export function QuoteChooser({
  segment,
  clipId,
  workspaceId,
  selected,
}: {
  segment: LiveSegment;
  clipId: string;
  workspaceId: string;
  /** The words selected in this segment's text just now, if any. */
  selected(): { first: number; last: number } | null;
}) {
  const [open, setOpen] = useState(false);
  const [first, setFirst] = useState(0);
  const [last, setLast] = useState(0);
  const [documents, setDocuments] = useState<DocumentInfo[] | null>(null);
  const [documentId, setDocumentId] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<DocumentInfo | null>(null);
  const timed = segment.words.length > 0 && segment.words.every((w) => w.startSeconds !== null);
  const at = clockTime(segment.startSeconds);
  if (segment.words.length === 0) return null;

  const start = () => {
    const chosen = selected();
    setFirst(chosen?.first ?? 0);
    setLast(chosen?.last ?? segment.words.length - 1);
    setProblem(null);
    setDone(null);
    setOpen(true);
    listDocuments(workspaceId, false).then(
      (all) => {
        const mine = all.filter((d) => d.abilities.edit && !d.archived);
        setDocuments(mine);
        setDocumentId((id) => id || (mine[0]?.id ?? ''));
      },
      (e: unknown) => setProblem(toApiError(e).message),
    );
  };

  if (!open)
    return (
      <>
        <Button variant="secondary" className="transcript__quote" onClick={start}>
          Quote in a document<span className="visually-hidden"> from {at}</span>
        </Button>
        {done ? (
          <p className="transcript__quoted">
            Quoted at the end of <Link href={`/d/${encodeURIComponent(done.id)}`}>{done.title}</Link>.
          </p>
        ) : null}
        <div className="visually-hidden">
          <StatusMessage>{done ? `Quoted at the end of ${done.title}.` : ''}</StatusMessage>
        </div>
      </>
    );

  const chosen = timed ? segment.words.slice(Math.min(first, last), Math.max(first, last) + 1) : segment.words;
  const quote = async () => {
    const stretch = stretchOfWords(segment, first, last);
    const target = documents?.find((d) => d.id === documentId);
    if (!stretch || !target) return;
    setBusy(true);
    setProblem(null);
    try {
      await addQuote(target.id, { clipId, ...stretch });
      setDone(target);
      setOpen(false);
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="transcript__chooser">
      <legend>Quote words from {at} in a document</legend>
      {timed ? (
        <WordRangeFields words={segment.words} first={first} last={last} onFirst={setFirst} onLast={setLast} />
      ) : (
        <p className="quiet">This passage has no word timings, so all of it will be quoted.</p>
      )}
      <p>
        Quote: <q>{chosen.map((w) => w.text).join(' ')}</q>
      </p>
      {documents === null && !problem ? <p className="quiet">Finding the documents you can write in…</p> : null}
      {documents && documents.length === 0 ? <p>There is no publication or script you can write in yet.</p> : null}
      {documents && documents.length > 0 ? (
        <label className="transcript__quote-document">
          Document{' '}
          <select className="input" value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title} ({kindLabels[d.kind].toLowerCase()})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <p className="quiet">The quote goes at the end of the document, with who said it and a link to this moment.</p>
      {documents && documents.length > 0 ? (
        <Button busy={busy} onClick={() => void quote()}>
          Quote in this document
        </Button>
      ) : null}{' '}
      <Button variant="secondary" onClick={() => setOpen(false)}>
        Cancel
      </Button>
    </fieldset>
  );
}
