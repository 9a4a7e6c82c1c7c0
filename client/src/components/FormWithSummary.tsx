import type { Key, ReactNode } from 'react';
import { Button } from './Button';
import { ErrorSummary } from './ErrorSummary';
import type { SubmitForm } from './useSubmitForm';

export interface FormWithSummaryProps {
  /** What useSubmitForm gives: the problems to sum up, whether it is sending, and what a submit does. */
  form: SubmitForm;
  /** The send button's words; leave it out where the fields hold their own button. */
  submit?: ReactNode;
  /** What stands between the summary and the form, such as a lead paragraph or a status line. */
  intro?: ReactNode;
  /** A new key gives a fresh, empty form. */
  formKey?: Key;
  children: ReactNode;
}

/** A form that sends: "There is a problem" above it, the fields, and the send button last, busy while it goes. */
export function FormWithSummary({ form, submit, intro, formKey, children }: FormWithSummaryProps) {
  return (
    <>
      <ErrorSummary items={form.problems.summary} />
      {intro}
      <form key={formKey} onSubmit={form.onSubmit} noValidate>
        {children}
        {submit === undefined ? null : (
          <Button type="submit" busy={form.busy}>
            {submit}
          </Button>
        )}
      </form>
    </>
  );
}
