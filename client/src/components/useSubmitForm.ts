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
  /** Tells the page whether the form shows a problem, for "Error:" in the tab title. */
  onError?(hasError: boolean): void;
}

export interface SubmitForm {
  problems: FormProblems;
  busy: boolean;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
}

/**
 * A form that sends something: one send at a time, the button busy while it goes, old problems cleared,
 * problems we can name first shown without asking, and the server's problems by field and in the summary.
 */
export function useSubmitForm<V>(fieldIds: Record<string, string>, options: SubmitOptions<V>): SubmitForm {
  const problems = useFormProblems(fieldIds);
  const [busy, setBusy] = useState(false);

  const submit = async (form: HTMLFormElement) => {
    const { read, check, send, closes = false, onError } = options;
    const values = read(form);
    problems.clear();
    const fields = check?.(values) ?? [];
    onError?.(fields.length > 0);
    if (fields.length > 0)
      return problems.show(new ApiError('validation_failed', 'Check the form.', { status: 400, fields }));
    setBusy(true);
    try {
      await send(values, form);
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

  return { problems, busy, onSubmit };
}
