import type { ReactNode } from 'react';

interface LabelledSectionProps {
  className: string;
  /** The heading's id: the section is named by its heading, so it is a landmark with that name. */
  headingId: string;
  /** heading-l for a screen's main sections, heading-m for the smaller parts of a busy screen. */
  headingClass: 'heading-l' | 'heading-m';
  title: ReactNode;
  children?: ReactNode;
}

/** A section of a screen under its own h2, named by that heading. */
export function LabelledSection({ className, headingId, headingClass, title, children }: LabelledSectionProps) {
  return (
    <section className={className} aria-labelledby={headingId}>
      <h2 className={headingClass} id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
