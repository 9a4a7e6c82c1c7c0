import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { formText } from '../../components/formText';
import { SubmitOrCancel } from '../../components/SubmitOrCancel';
import { TextArea } from './TextArea';

interface NoteFormProps {
  id: string;
  label: string;
  hint: ReactNode;
  /** What to say when nothing was written, e.g. "Say what you would like changed". */
  whenEmpty: string;
  /** The most characters the server takes: more is refused here first, in words. */
  max?: number;
  submitLabel: string;
  busy: boolean;
  className?: string;
  onSend(note: string): void;
  onCancel(): void;
}

/**
 * A short form with one note that must be written (asking for changes, giving a reason), focused when it opens;
 * an empty or too long note is said beside the box, which takes the focus again.
 */
export function NoteForm({
  id,
  label,
  hint,
  whenEmpty,
  max,
  submitLabel,
  busy,
  className,
  onSend,
  onCancel,
}: NoteFormProps) {
  const [error, setError] = useState<string | undefined>();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const note = formText(event.currentTarget, 'note').trim();
    const problem =
      note === ''
        ? whenEmpty
        : max !== undefined && note.length > max
          ? `This can be at most ${max} characters. Make it shorter`
          : undefined;
    setError(problem);
    if (problem) box.current?.focus();
    else onSend(note);
  };

  return (
    <form onSubmit={submit} noValidate className={className}>
      <TextArea id={id} name="note" label={label} hint={hint} ref={box} error={error} rows={4} />
      <SubmitOrCancel busy={busy} onCancel={onCancel}>
        {submitLabel}
      </SubmitOrCancel>
    </form>
  );
}
