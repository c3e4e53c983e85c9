import { useEffect, useId, useRef, type ReactNode } from 'react';

interface FocusedAlertProps {
  type: 'success' | 'warning' | 'error';
  heading: string;
  body: string;
  /** Focus moves to the alert whenever this changes: the news it tells. */
  news: unknown;
  /** More than a sentence: lists, notes, the button that carries on. */
  children?: ReactNode;
}

/**
 * A USWDS alert that takes the focus when it has news, so keyboard and
 * screen-reader users land on it. The markup is written out: react-uswds'
 * Alert wraps its children in a <p>, and these alerts hold paragraphs, lists
 * and buttons.
 */
export function FocusedAlert({ type, heading, body, news, children }: FocusedAlertProps) {
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, [news]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      className={`usa-alert usa-alert--${type} recovery-alert`}
    >
      <div className="usa-alert__body">
        <h3 id={headingId} className="usa-alert__heading">
          {heading}
        </h3>
        <p className="usa-alert__text">{body}</p>
        {children}
      </div>
    </section>
  );
}
