import { useEffect, useRef, type ReactNode } from 'react';
import { hasNavigated } from './router';

interface PageProps {
  title: string;
  /** Small words above the heading, such as the workspace a screen belongs to. */
  caption?: ReactNode;
  /** Puts "Error:" in front of the tab title, as screen reader users hear the title first. */
  hasError?: boolean;
  wide?: boolean;
  children?: ReactNode;
}

/** Every screen: one heading, a matching tab title, and focus on the heading after moving between screens. */
export function Page({ title, caption, hasError = false, wide = false, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${hasError ? 'Error: ' : ''}${title} – Chorus`;
  }, [title, hasError]);

  useEffect(() => {
    if (hasNavigated()) heading.current?.focus({ preventScroll: true });
  }, []);

  return (
    <div className={wide ? 'page page--wide' : 'page'}>
      {caption ? <p className="caption">{caption}</p> : null}
      <h1 className="heading-xl" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </div>
  );
}
