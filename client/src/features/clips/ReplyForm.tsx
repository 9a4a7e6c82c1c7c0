import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Comment } from '../../../../shared/contracts/clips';
import { ApiError } from '../../api/ApiError';
import { Button } from '../../components/Button';
import { SubmitOrCancel } from '../../components/SubmitOrCancel';
import { formText } from '../../components/formText';
import { addComment } from './clipsApi';
import { TextArea } from './TextArea';

/** "Reply" under a thread: a text box and a button, with any problem said next to the box. */
export function ReplyForm({
  clipId,
  threadId,
  onAdded,
  onCancel,
  onRecordInstead,
}: {
  clipId: string;
  threadId: string;
  onAdded(c: Comment): void;
  onCancel(): void;
  /** "Record a voice reply instead": the recorder takes this form's place. */
  onRecordInstead(): void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  const id = `reply-${threadId}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const body = formText(event.currentTarget, 'body').trim();
    if (body === '') {
      setError('Write your reply');
      box.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onAdded(await addComment(clipId, { body, parentId: threadId }));
    } catch (e) {
      setError(
        e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : 'Your reply could not be sent. Try again.',
      );
      setBusy(false);
    }
  };

  return (
    <form className="reply-form" onSubmit={submit} noValidate>
      <TextArea id={id} name="body" label="Your reply" ref={box} error={error} rows={3} />
      <SubmitOrCancel busy={busy} onCancel={onCancel}>
        Send reply
      </SubmitOrCancel>
      <Button variant="secondary" className="record-instead" onClick={onRecordInstead}>
        Record a voice reply instead
      </Button>
    </form>
  );
}
