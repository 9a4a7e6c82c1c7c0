import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Comment } from '../../../../shared/contracts/clips';
import { ApiError } from '../../api/ApiError';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formText } from '../../components/formText';
import { TextField } from '../../components/TextField';
import { useFormProblems } from '../../components/useFormProblems';
import { addComment } from './clipsApi';
import { clockTime, parseClockTime } from './clipWords';
import { TextArea } from './TextArea';

const ids = { body: 'new-comment-body', endSeconds: 'new-comment-end' };

interface NewCommentFormProps {
  clipId: string;
  atSeconds: number;
  duration: number | null;
  onAdded(comment: Comment): void;
  onCancel(): void;
}

/** A comment at the moment the person chose, or on a stretch from there to an end time they type. */
export function NewCommentForm({ clipId, atSeconds, duration, onAdded, onCancel }: NewCommentFormProps) {
  const problems = useFormProblems(ids);
  const [busy, setBusy] = useState(false);
  const body = useRef<HTMLTextAreaElement>(null);
  useEffect(() => body.current?.focus(), []);
  const at = clockTime(atSeconds);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    problems.clear();
    const text = formText(event.currentTarget, 'body').trim();
    const endText = formText(event.currentTarget, 'end').trim();
    const end = endText === '' ? undefined : parseClockTime(endText);
    const fields = [];
    if (text === '') fields.push({ path: 'body', message: 'Write your comment' });
    if (end === null) fields.push({ path: 'endSeconds', message: 'Write the end time as minutes and seconds, for example 1:20' });
    else if (end !== undefined && end <= atSeconds) fields.push({ path: 'endSeconds', message: `The end time must be after ${at}` });
    else if (end !== undefined && duration !== null && end > duration + 0.5) fields.push({ path: 'endSeconds', message: `The recording ends at ${clockTime(duration)}` });
    if (fields.length > 0) return problems.show(new ApiError('validation_failed', 'Check the comment.', { status: 400, fields }));
    setBusy(true);
    try {
      onAdded(await addComment(clipId, { body: text, atSeconds, ...(end !== undefined && end !== null ? { endSeconds: end } : {}) }));
    } catch (e) {
      problems.show(e);
      setBusy(false);
    }
  };

  return (
    <form className="new-comment" onSubmit={submit} noValidate aria-labelledby="new-comment-heading">
      <h3 className="heading-m" id="new-comment-heading">
        Comment at {at}
      </h3>
      <ErrorSummary items={problems.summary} />
      <TextArea id={ids.body} name="body" label="Your comment" ref={body} error={problems.fieldError('body')} rows={4} />
      <TextField
        id={ids.endSeconds}
        name="end"
        label="Until (optional)"
        hint={`To comment on a stretch of the recording, write where it ends, for example ${clockTime(duration !== null ? Math.min(atSeconds + 8, duration) : atSeconds + 8)}. Leave it empty for just this moment.`}
        inputMode="decimal"
        autoComplete="off"
        className="input--short"
        error={problems.fieldError('endSeconds')}
      />
      <div className="button-group">
        <Button type="submit" busy={busy}>
          Add comment
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
