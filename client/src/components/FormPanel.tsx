import type { ReactNode } from 'react';
import { FormWithSummary, type FormWithSummaryProps } from './FormWithSummary';
import { LabelledSection } from './LabelledSection';
import { StatusMessage } from './StatusMessage';

interface FormPanelProps extends FormWithSummaryProps {
  /** The heading's id, which names the panel as a landmark. */
  headingId: string;
  title: ReactNode;
  /** heading-m for a form that is one part of a busy screen. */
  headingClass?: 'heading-l' | 'heading-m';
  /** Classes beside `panel` ("quote-panel"). */
  className?: string;
  /** What the panel says above the form and its problems. */
  lead?: ReactNode;
  /** A form that stays on screen once sent: its doneMessage is said under it ("The rates are saved."). */
  saysDone?: boolean;
  /** What follows the form in the panel: the link it made, a progress bar. */
  after?: ReactNode;
}

/** A form in a panel of its own: the heading, what it is for, "There is a problem", the fields, and the send button. */
export function FormPanel({
  headingId,
  title,
  headingClass = 'heading-l',
  className,
  lead,
  saysDone = false,
  after,
  ...form
}: FormPanelProps) {
  return (
    <LabelledSection
      className={className ? `panel ${className}` : 'panel'}
      headingId={headingId}
      headingClass={headingClass}
      title={title}
    >
      {lead}
      <FormWithSummary {...form} />
      {saysDone ? <StatusMessage tone="success">{form.form.done}</StatusMessage> : null}
      {after}
    </LabelledSection>
  );
}
