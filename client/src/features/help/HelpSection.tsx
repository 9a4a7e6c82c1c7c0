import { Children, isValidElement, type ReactNode } from 'react';

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
function HelpContents({ sections }: { sections: ReadonlyArray<{ id: string; title: string }> }) {
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

/**
 * A role's help page: its lead paragraph, "On this page" and its sections. The contents list is read from the
 * HelpSection children themselves, so a section's heading and its link cannot drift apart.
 */
export function HelpArticle({ lead, children }: { lead: ReactNode; children: ReactNode }) {
  const sections = Children.toArray(children)
    .filter((child) => isValidElement<HelpSectionProps>(child) && child.type === HelpSection)
    .map((child) => (child as { props: HelpSectionProps }).props);
  return (
    <>
      <p className="lead">{lead}</p>
      <HelpContents sections={sections} />
      {children}
    </>
  );
}
