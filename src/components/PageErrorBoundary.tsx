import { Button } from '@trussworks/react-uswds';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { usePageTitle } from './usePageTitle';
import { AlertSlot } from './AlertSlot';

function PageErrorTitle() {
  usePageTitle('This page could not be shown');
  return null;
}

interface BoundaryProps {
  children: ReactNode;
  /** The location's key: a navigation clears the error, so the rest of the app stays usable. */
  resetKey: string;
}

class Boundary extends Component<BoundaryProps, { error: unknown }> {
  state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A page failed to render', error, info.componentStack);
  }

  componentDidUpdate(previous: BoundaryProps) {
    if (this.state.error !== null && previous.resetKey !== this.props.resetKey) {
      this.setState({ error: null });
    }
  }

  render() {
    const { error } = this.state;
    return (
      <>
        {/* On the page from the start, so the message is announced when it comes. */}
        <AlertSlot>
          {error !== null && (
            // USWDS alert markup written out: react-uswds' Alert wraps its
            // children in a <p>, and this one holds a paragraph and controls.
            <section aria-labelledby="page-error-heading" className="usa-alert usa-alert--error">
              <PageErrorTitle />
              <div className="usa-alert__body">
                <h1 id="page-error-heading" className="usa-alert__heading">
                  This page could not be shown
                </h1>
                <p className="usa-alert__text">
                  Its code may not have arrived (the connection dropped, or the app was updated
                  since you opened it), or it failed while drawing. Reload the page to try again;
                  anything you had saved is kept.
                </p>
                <div className="display-flex flex-align-center margin-top-2">
                  <Button type="button" onClick={() => window.location.reload()}>
                    Reload the page
                  </Button>
                  <Link className="usa-link margin-left-2" to="/">
                    Back to the moves queue
                  </Link>
                </div>
              </div>
            </section>
          )}
        </AlertSlot>
        {error === null && this.props.children}
      </>
    );
  }
}

/**
 * Catches what a page throws while rendering, its lazy code failing to load
 * included, and says so in place of the page, keeping the header and the
 * way back: without it, React would leave the whole app blank.
 */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return <Boundary resetKey={location.key}>{children}</Boundary>;
}
