import { useEffect, useId, useRef, type ReactNode } from 'react';

interface FocusedAlertProps {
  type: 'success' | 'warning' | 'error' | 'info';
  heading: string;
  /** What the heading does not say; none when it says it all. */
  body?: string;
  /** Focus moves to the alert whenever this changes: the news it tells. */
  news: unknown;
  /** More than a sentence: lists, notes, the button that carries on. */
  children?: ReactNode;
  /** A one-line note (a result) rather than an alert with a body. */
  slim?: boolean;
}

/**
 * A USWDS alert that takes the focus when it has news, so keyboard and
 * screen-reader users land on it. The markup is written out: react-uswds'
 * Alert wraps its children in a <p>, and these alerts hold paragraphs, lists
 * and buttons.
 */
export function FocusedAlert({ type, heading, body, news, children, slim }: FocusedAlertProps) {
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
      className={`usa-alert usa-alert--${type}${slim ? ' usa-alert--slim' : ''} recovery-alert`}
    >
      <div className="usa-alert__body">
        {slim ? (
          <p className="usa-alert__text">
            <span id={headingId}>{heading}</span>
            {body ? ` ${body}` : ''}
          </p>
        ) : (
          <>
            <h3 id={headingId} className="usa-alert__heading">
              {heading}
            </h3>
            {body && <p className="usa-alert__text">{body}</p>}
          </>
        )}
        {children}
      </div>
    </section>
  );
}
