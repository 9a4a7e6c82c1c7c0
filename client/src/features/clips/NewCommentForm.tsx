import { useEffect, useRef } from 'react';
import type { Comment } from '../../../../shared/contracts/clips';
import { Button } from '../../components/Button';
import { SubmitOrCancel } from '../../components/SubmitOrCancel';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formText } from '../../components/formText';
import { TextField } from '../../components/TextField';
import { useSubmitForm } from '../../components/useSubmitForm';
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
  /** "Record a voice comment instead": the recorder takes this form's place. */
  onRecordInstead(): void;
}

/** A comment at the moment the person chose, or on a stretch from there to an end time they type. */
export function NewCommentForm({
  clipId,
  atSeconds,
  duration,
  onAdded,
  onCancel,
  onRecordInstead,
}: NewCommentFormProps) {
  const body = useRef<HTMLTextAreaElement>(null);
  useEffect(() => body.current?.focus(), []);
  const at = clockTime(atSeconds);
  const { problems, busy, onSubmit } = useSubmitForm(ids, {
    read: (form) => {
      const endText = formText(form, 'end').trim();
      return { text: formText(form, 'body').trim(), end: endText === '' ? undefined : parseClockTime(endText) };
    },
    check: ({ text, end }) => {
      const fields = [];
      if (text === '') fields.push({ path: 'body', message: 'Write your comment' });
      if (end === null)
        fields.push({ path: 'endSeconds', message: 'Write the end time as minutes and seconds, for example 1:20' });
      else if (end !== undefined && end <= atSeconds)
        fields.push({ path: 'endSeconds', message: `The end time must be after ${at}` });
      else if (end !== undefined && duration !== null && end > duration + 0.5)
        fields.push({ path: 'endSeconds', message: `The recording ends at ${clockTime(duration)}` });
      return fields;
    },
    send: async ({ text, end }) =>
      onAdded(
        await addComment(clipId, {
          body: text,
          atSeconds,
          ...(end !== undefined && end !== null ? { endSeconds: end } : {}),
        }),
      ),
    closes: true,
  });

  return (
    <form className="new-comment" onSubmit={onSubmit} noValidate aria-labelledby="new-comment-heading">
      <h3 className="heading-m" id="new-comment-heading">
        Comment at {at}
      </h3>
      <ErrorSummary items={problems.summary} />
      <TextArea
        id={ids.body}
        name="body"
        label="Your comment"
        ref={body}
        error={problems.fieldError('body')}
        rows={4}
      />
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
      <SubmitOrCancel busy={busy} onCancel={onCancel}>
        Add comment
      </SubmitOrCancel>
      <Button variant="secondary" className="record-instead" onClick={onRecordInstead}>
        Record a voice comment instead
      </Button>
    </form>
  );
}
