import { useState, type FormEvent } from 'react';
import type { FieldProblem } from '../../../shared/errors';
import { ApiError } from '../api/ApiError';
import { useFormProblems, type FormProblems } from './useFormProblems';

interface SubmitOptions<V> {
  /** The values to send, read from the form as it is submitted. */
  read(form: HTMLFormElement): V;
  /** Problems to name before asking the server, in the form's own words, by field path. */
  check?(values: V): FieldProblem[];
  /** Ask the server. A failure's problems are shown in the form; `form` is there to reset it. */
  send(values: V, form: HTMLFormElement): Promise<unknown>;
  /** Success puts this form away (another screen, or the form closes): the button stays busy until it goes. */
  closes?: boolean;
  /** For a form that stays on screen: the words to show once it is sent ("The show is saved."), gone at the next send. */
  doneMessage?: string;
  /** Tells the page whether the form shows a problem, for "Error:" in the tab title. */
  onError?(hasError: boolean): void;
}

export interface SubmitForm<Path extends string = string> {
  problems: FormProblems<Path>;
  busy: boolean;
  /** The doneMessage once sent, until the next send; empty otherwise. */
  done: string;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
}

/**
 * A form that sends something: one send at a time, the button busy while it goes, old problems cleared,
 * problems we can name first shown without asking, and the server's problems by field and in the summary.
 */
export function useSubmitForm<V, Path extends string>(
  fieldIds: Record<Path, string>,
  options: SubmitOptions<V>,
): SubmitForm<Path> {
  const problems = useFormProblems(fieldIds);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  const submit = async (form: HTMLFormElement) => {
    const { read, check, send, closes = false, doneMessage = '', onError } = options;
    const values = read(form);
    problems.clear();
    setDone('');
    const fields = check?.(values) ?? [];
    onError?.(fields.length > 0);
    if (fields.length > 0)
      return problems.show(new ApiError('validation_failed', 'Check the form.', { status: 400, fields }));
    setBusy(true);
    try {
      await send(values, form);
      setDone(doneMessage);
      if (!closes) setBusy(false);
    } catch (e) {
      problems.show(e);
      onError?.(true);
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) void submit(event.currentTarget);
  };

  return { problems, busy, done, onSubmit };
}
