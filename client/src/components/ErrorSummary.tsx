import { useEffect, useId, useRef, type MouseEvent } from 'react';

export interface SummaryItem {
  message: string;
  /** The id of the field to jump to, when the problem belongs to one. */
  fieldId?: string;
}

function jumpTo(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.scrollIntoView({ block: 'center' });
  field.focus();
}

/** "There is a problem": shown at the top of a form, takes focus so it is read out straight away. */
export function ErrorSummary({ items, title = 'There is a problem' }: { items: SummaryItem[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [items]);

  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      <h2 className="error-summary__title" id={titleId}>
        {title}
      </h2>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={`${item.fieldId ?? ''}${item.message}`}>
            {item.fieldId ? (
              <a href={`#${item.fieldId}`} onClick={(e) => jumpTo(e, item.fieldId ?? '')}>
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
