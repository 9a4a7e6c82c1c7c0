import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ThreadPerson } from '../../../../../shared/contracts/documentThreads';
import { ApiError } from '../../../api/ApiError';
import { SubmitOrCancel } from '../../../components/SubmitOrCancel';
import { TextArea } from '../../clips/TextArea';
import { insertMention, matchingPeople, mentionQuery, stillMentioned, type MentionQuery } from './mentions';

interface CommentBoxProps {
  id: string;
  label: string;
  submitLabel: string;
  emptyMessage: string;
  /** Members who may be mentioned with "@". */
  people: ThreadPerson[];
  onSubmit(body: string, mentions: string[]): Promise<void>;
  onCancel(): void;
}

/**
 * A comment or reply: a text box where typing "@" offers the workspace's members (arrow keys and Enter,
 * or a click, to choose one), a send button and a cancel button. Problems are said next to the box.
 */
export function CommentBox({ id, label, submitLabel, emptyMessage, people, onSubmit, onCancel }: CommentBoxProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<ThreadPerson[]>([]);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  /** Where the caret goes once a chosen mention is in the box. */
  const caretAfterMention = useRef<number | null>(null);
  // Before the browser handles another key: set a frame later, the caret jumped back over whatever a quick
  // typist had typed after choosing a name ("…@Ann Admin o you agree?d").
  useLayoutEffect(() => {
    const caret = caretAfterMention.current;
    if (caret === null || !box.current) return;
    caretAfterMention.current = null;
    box.current.setSelectionRange(caret, caret);
  }, [text]);

  const options = query ? matchingPeople(people, query.query) : [];
  const open = query !== null && options.length > 0;
  const listId = `${id}-people`;

  const follow = (value: string, caret: number) => {
    setText(value);
    const q = mentionQuery(value, caret);
    setQuery(q);
    setActive(0);
  };

  const choose = (person: ThreadPerson) => {
    const el = box.current;
    if (!el || !query) return;
    const next = insertMention(text, query, el.selectionStart, person.name);
    setText(next.text);
    setChosen((c) => [...c, person]);
    setQuery(null);
    caretAfterMention.current = next.caret;
    el.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => (a + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(options[active]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setQuery(null);
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const body = text.trim();
    if (body === '') {
      setError(emptyMessage);
      box.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(body, stillMentioned(body, chosen));
    } catch (e) {
      setError(
        e instanceof ApiError
          ? (e.fields.find((f) => f.path === 'body')?.message ?? e.message)
          : 'Your comment could not be sent. Try again.',
      );
      setBusy(false);
      box.current?.focus();
    }
  };

  return (
    <form className="comment-box" onSubmit={submit} noValidate>
      <div className="comment-box__field">
        <TextArea
          id={id}
          name="body"
          label={label}
          hint="Type @ to mention someone in this workspace."
          ref={box}
          error={error}
          rows={3}
          value={text}
          onChange={(e) => follow(e.target.value, e.target.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setQuery(null), 200)}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
        />
        <ul id={listId} role="listbox" aria-label="People to mention" className="mention-list" hidden={!open}>
          {options.map((person, i) => (
            <li
              key={person.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'mention-list__option mention-list__option--active' : 'mention-list__option'}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(person);
              }}
            >
              {person.name}
            </li>
          ))}
        </ul>
      </div>
      <SubmitOrCancel busy={busy} onCancel={onCancel}>
        {submitLabel}
      </SubmitOrCancel>
    </form>
  );
}
