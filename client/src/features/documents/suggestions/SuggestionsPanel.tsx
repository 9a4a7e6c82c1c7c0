import {
  applySuggestion,
  applySuggestions,
  revertSuggestion,
  revertSuggestions,
} from '@handlewithcare/prosemirror-suggest-changes';
import type { Editor } from '@tiptap/react';
import type { Command } from '@tiptap/pm/state';
import { useEffect, useRef, useState } from 'react';
import type { DocumentSuggestion, DocumentSuggestionList } from '../../../../../shared/contracts/documentSuggestions';
import { Button } from '../../../components/Button';
import { StatusMessage } from '../../../components/StatusMessage';
import { claimSuggestionIds, setSuggestionTitles } from '../../../editor/suggesting';
import { listSuggestions } from './suggestionsApi';
import { suggesterName, suggestionWords } from './suggestionWords';

interface SuggestionsPanelProps {
  editor: Editor;
  documentId: string;
  me: { id: string; name: string };
}

const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
    : '';

/**
 * Suggested changes, in the order of the text: who suggested what, and for people who may edit, Accept and
 * Reject (one, all of one person's, or all). Accepting and rejecting are ordinary changes to the shared text,
 * made here with the library's commands, so everyone sees them at once. New suggestions from others are announced.
 */
export function SuggestionsPanel({ editor, documentId, me }: SuggestionsPanelProps) {
  const [list, setList] = useState<DocumentSuggestionList | null>(null);
  const [message, setMessage] = useState('');
  const seen = useRef<Set<string> | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = () => {
      listSuggestions(documentId).then(
        (loaded) => {
          if (stopped) return;
          const keys = new Set(loaded.suggestions.map((s) => String(s.id)));
          if (seen.current) {
            const fresh = loaded.suggestions.filter((s) => !seen.current!.has(String(s.id)) && s.author?.id !== me.id);
            if (fresh.length === 1)
              setMessage(`${suggesterName(fresh[0]!, me.id)} suggests: ${suggestionWords(fresh[0]!)}.`);
            else if (fresh.length > 1) setMessage(`${fresh.length} new suggestions.`);
          }
          seen.current = keys;
          claimSuggestionIds(loaded.suggestions.filter((s) => s.author?.id === me.id).map((s) => s.id));
          setList(loaded);
          setSuggestionTitles(
            editor,
            new Map(
              loaded.suggestions.map((s) => [
                String(s.id),
                `Suggested by ${suggesterName(s, me.id)}${s.createdAt ? `, ${when(s.createdAt)}` : ''}`,
              ]),
            ),
          );
        },
        () => undefined,
      );
    };
    // The server's list follows the shared text: read it again shortly after the text changes (anyone's change).
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(load, 400);
    };
    load();
    editor.on('update', onUpdate);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      editor.off('update', onUpdate);
    };
  }, [editor, documentId, me.id]);

  const run = (command: Command, done: string) => {
    if (command(editor.state, (tr) => editor.view.dispatch(tr))) setMessage(done);
  };
  const runEach = (ids: DocumentSuggestion['id'][], make: (id: DocumentSuggestion['id']) => Command, done: string) => {
    for (const id of ids) make(id)(editor.state, (tr) => editor.view.dispatch(tr));
    setMessage(done);
  };

  if (!list || list.suggestions.length === 0) {
    return (
      <section className="suggestions" aria-labelledby="suggestions-heading">
        <h3 className="heading-s" id="suggestions-heading">
          Suggestions
        </h3>
        <StatusMessage>{message}</StatusMessage>
        <p className="quiet">{list ? 'No suggestions waiting.' : 'Loading suggestions…'}</p>
      </section>
    );
  }

  const decide = list.abilities.decide;
  const authors = [...new Map(list.suggestions.filter((s) => s.author).map((s) => [s.author!.id, s.author!])).values()];
  return (
    <section className="suggestions" aria-labelledby="suggestions-heading">
      <h3 className="heading-s" id="suggestions-heading">
        Suggestions ({list.suggestions.length})
      </h3>
      <StatusMessage>{message}</StatusMessage>
      <ol className="suggestions__list">
        {list.suggestions.map((s) => {
          const words = suggestionWords(s);
          const who = suggesterName(s, me.id);
          return (
            <li key={String(s.id)} className="suggestions__item">
              <p>
                <strong>{who}</strong> {who === 'You' ? 'suggest' : 'suggests'}: {words}
                {s.createdAt ? <span className="quiet"> · {when(s.createdAt)}</span> : null}
              </p>
              {decide ? (
                <div className="suggestions__actions">
                  <Button variant="secondary" onClick={() => run(applySuggestion(s.id), `Accepted: ${words}.`)}>
                    Accept<span className="visually-hidden"> the suggestion to {words}</span>
                  </Button>
                  <Button variant="secondary" onClick={() => run(revertSuggestion(s.id), `Rejected: ${words}.`)}>
                    Reject<span className="visually-hidden"> the suggestion to {words}</span>
                  </Button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {decide ? (
        <div className="suggestions__actions">
          {authors.length > 1
            ? authors.map((a) => (
                <Button
                  key={a.id}
                  variant="secondary"
                  onClick={() =>
                    runEach(
                      list.suggestions.filter((s) => s.author?.id === a.id).map((s) => s.id),
                      applySuggestion,
                      `Accepted every suggestion from ${a.name}.`,
                    )
                  }
                >
                  Accept all from {a.id === me.id ? 'you' : a.name}
                </Button>
              ))
            : null}
          <Button variant="secondary" onClick={() => run(applySuggestions, 'Accepted every suggestion.')}>
            Accept all
          </Button>
          <Button variant="secondary" onClick={() => run(revertSuggestions, 'Rejected every suggestion.')}>
            Reject all
          </Button>
        </div>
      ) : null}
    </section>
  );
}
