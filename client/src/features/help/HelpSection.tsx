import type { ReactNode } from 'react';

interface HelpSectionProps {
  id: string;
  title: string;
  /** A simple picture beside the words (HelpPictures.tsx); it never says anything the words do not. */
  picture?: ReactNode;
  children: ReactNode;
}

/** One short part of a help page under its own heading, with a picture beside it on wide screens. */
export function HelpSection({ id, title, picture, children }: HelpSectionProps) {
  return (
    <section className="help-section" aria-labelledby={id}>
      <h2 className="heading-l" id={id}>
        {title}
      </h2>
      <div className="help-section__body">
        {picture ? <div className="help-section__picture">{picture}</div> : null}
        <div className="help-section__words">{children}</div>
      </div>
    </section>
  );
}

/** "On this page": links to each section, for people who want to jump. */
export function HelpContents({ sections }: { sections: ReadonlyArray<{ id: string; title: string }> }) {
  return (
    <nav className="help-contents" aria-label="On this page">
      <h2 className="heading-s">On this page</h2>
      <ul className="help-contents__list">
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{s.title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
