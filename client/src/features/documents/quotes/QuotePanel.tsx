import { useCallback, useEffect, useState } from 'react';
import type { Quote } from '../../../../../shared/contracts/quotes';
import type { ClipSummary } from '../../../../../shared/contracts/clips';
import type { TranscriptSegmentView } from '../../../../../shared/contracts/transcripts';
import { FormWithSummary } from '../../../components/FormWithSummary';
import { formText } from '../../../components/formText';
import { LabelledSection } from '../../../components/LabelledSection';
import { SelectField } from '../../../components/SelectField';
import { StatusMessage } from '../../../components/StatusMessage';
import { useSubmitForm } from '../../../components/useSubmitForm';
import { useLiveState } from '../../../realtime/liveState';
import { useAfterEachJoin } from '../../../realtime/roomJoins';
import { getSocket } from '../../../realtime/socket';
import type { QuoteRemovedEvent } from '../../../../../shared/realtime/events';
import { listClips } from '../../clips/clipsApi';
import { getTranscript } from '../../clips/transcript/transcriptApi';
import { addQuote, listQuotes, refreshQuote } from './quotesApi';
import type { Writing } from '../../../editor/CoWritingEditor';
import { quotePoints } from './quoteChoices';
import { useCaretPlace } from './useCaretPlace';

const ids = { clipId: 'quote-clip', startSeconds: 'quote-from', endSeconds: 'quote-to' };

/**
 * "Quote a recording": choose a recording, the first and last of its written-down words, and the quote goes where
 * the person was writing (by their caret, between paragraphs) or, if they have not been in the text, at the end of
 * the document, with the speaker as their consent allows. The server refuses a recording whose speaker has not
 * agreed to be quoted, and says so.
 */
export function QuotePanel({
  documentId,
  workspaceId,
  writing,
}: {
  documentId: string;
  workspaceId: string;
  /** The open editor; null while it loads. */
  writing: Writing | null;
}) {
  const placeAtCaret = useCaretPlace(writing);
  const [placed, setPlaced] = useState<'caret' | 'end'>('end');
  const [clips, setClips] = useState<ClipSummary[]>([]);
  const [clipId, setClipId] = useState('');
  const [segments, setSegments] = useState<TranscriptSegmentView[]>([]);
  useEffect(() => {
    listClips(workspaceId).then(
      (all) => setClips(all.filter((c) => !c.withdrawn && c.consent?.publicationQuotes)),
      () => setClips([]),
    );
  }, [workspaceId]);
  useEffect(() => {
    if (!clipId) return setSegments([]);
    getTranscript(clipId).then(
      (t) => setSegments(t.segments),
      () => setSegments([]),
    );
  }, [clipId]);
  // Quotes whose source transcript was corrected since: shown with their new words, taken only when asked.
  // Loaded again after each join of the room too (quotes taken out before it were told to nobody here); of two
  // answers on their way at once, the newer is shown.
  const [quotes, live] = useLiveState<Quote[]>([]);
  const reload = useCallback(() => {
    void live.load(() => listQuotes(documentId).catch((): Quote[] => []));
  }, [documentId, live]);
  useEffect(reload, [reload]);
  useAfterEachJoin(workspaceId, reload);
  const corrected = quotes.filter((q) => q.correctedText !== null);
  // Editors are told when quotes here were taken out (the room is joined by the comments panel on this page).
  const [removed, setRemoved] = useState('');
  useEffect(() => {
    const onRemoved = (e: QuoteRemovedEvent) => {
      if (e.documentId !== documentId) return;
      setRemoved(e.message);
      reload();
    };
    const socket = getSocket();
    socket.on('quote:removed', onRemoved);
    return () => {
      socket.off('quote:removed', onRemoved);
    };
  }, [documentId, reload]);
  const points = quotePoints(segments);
  const form = useSubmitForm(ids, {
    read: (element) => {
      const from = points.find((p) => p.value === formText(element, 'from'));
      const to = points.find((p) => p.value === formText(element, 'to'));
      return { clipId, startSeconds: from?.startSeconds ?? 0, endSeconds: to?.endSeconds ?? 0 };
    },
    send: async (body) => {
      const at = placeAtCaret();
      await addQuote(documentId, at ? { ...body, at } : body);
      setPlaced(at ? 'caret' : 'end');
      reload();
    },
    // The words depend on where it went, known only once sent: shown below from `placed`.
    doneMessage: 'added',
  });

  return (
    <LabelledSection
      className="panel quote-panel"
      headingId="quote-heading"
      headingClass="heading-l"
      title="Quote a recording"
    >
      <p>
        Put someone’s own words into the document, from a recording whose speaker agreed to be quoted. The quote goes
        where you were writing, after that paragraph; if you have not been in the text, at the end.
      </p>
      <FormWithSummary form={form} submit="Add the quote">
        <SelectField
          id={ids.clipId}
          name="clip"
          label="Which recording?"
          value={clipId}
          onChange={(e) => setClipId(e.target.value)}
          none="Choose a recording"
          options={clips.map((c) => ({ value: c.id, label: c.title }))}
          error={form.problems.field('clipId').error}
        />
        {points.length > 0 ? (
          <>
            <SelectField
              id={ids.startSeconds}
              name="from"
              label="From the word"
              options={points}
              error={form.problems.field('startSeconds').error}
            />
            <SelectField
              id={ids.endSeconds}
              name="to"
              label="To the word"
              options={points}
              defaultValue={points.at(-1)?.value}
              error={form.problems.field('endSeconds').error}
            />
          </>
        ) : clipId ? (
          <p>Nothing of this recording is written down yet.</p>
        ) : null}
      </FormWithSummary>
      <StatusMessage tone="success">
        {form.done
          ? placed === 'caret'
            ? 'The quote was put in where you were writing.'
            : 'The quote was added at the end of the document.'
          : ''}
      </StatusMessage>
      <StatusMessage>{removed}</StatusMessage>
      {corrected.length > 0 ? (
        <>
          <h3 className="heading-s">Quotes whose words were corrected in the recording’s transcript</h3>
          <ul className="list">
            {corrected.map((q) => (
              <li key={q.quoteId}>
                <p>
                  “{q.text}” now reads “{q.correctedText}”.
                </p>
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => void refreshQuote(documentId, q.quoteId).then(reload, reload)}
                >
                  Use the corrected words
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </LabelledSection>
  );
}
