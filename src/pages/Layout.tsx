import { GovBanner, GridContainer, Header, Title } from '@trussworks/react-uswds';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link, Outlet, useLocation, useNavigationType } from 'react-router';
import { AwayNoticeList } from './AwayNoticeList';
import { PageErrorBoundary } from '../components/PageErrorBoundary';
import { useAskBeforeLeavingByLink, useShownHistoryEntry } from '../writes/ui/useHoldDraft';

/** Call once before the router starts: Back and Forward over an unsaved draft ask first. */
export { askBeforeLeavingByHistory } from '../writes/ui/useHoldDraft';

// Compared with build-time constants, so a build with mocking off drops the
// import and its chunk altogether. Component tests run the mock in Node
// (msw/node), where the browser mock these controls drive does not exist;
// the browser tests cover them.
const DevControls =
  import.meta.env.VITE_MOCK_API === 'on' && import.meta.env.MODE !== 'test'
    ? lazy(() => import('../dev/DevControls'))
    : null;

/**
 * On a new page (a new path: not on arrival, and not the queue's own paging
 * or sorting), the focus moves to the page's content, so keyboard and
 * screen-reader users start there instead of on a link that is gone; a page
 * reached by a link starts at its top, while Back and Forward leave the
 * scroll to the browser.
 */
function useFocusOnNewPage() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    main.current?.focus({ preventScroll: true });
    if (navigationType !== 'POP')
      (document.scrollingElement ?? document.documentElement).scrollTop = 0;
  }, [pathname, navigationType]);
  return main;
}

export function Layout() {
  const main = useFocusOnNewPage();
  useAskBeforeLeavingByLink();
  useShownHistoryEntry();
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      {/* The banner every federal site carries; MilMove's office app is on .mil. */}
      <GovBanner tld=".mil" aria-label="Official website of the United States government" />
      <Header basic>
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <Title>
              <Link to="/">TOO office</Link>
            </Title>
          </div>
        </div>
      </Header>
      <main id="main-content" tabIndex={-1} ref={main}>
        <GridContainer className="padding-y-4">
          <AwayNoticeList />
          <PageErrorBoundary>
            <Outlet />
          </PageErrorBoundary>
        </GridContainer>
      </main>
      <footer className="usa-footer usa-footer--slim">
        <div className="usa-footer__secondary-section">
          <GridContainer>
            <p className="margin-0">
              TOO office: move task orders for the Transportation Ordering Officer, on
              MilMove&rsquo;s GHC API.
            </p>
          </GridContainer>
        </div>
      </footer>
      {DevControls && (
        <Suspense fallback={null}>
          <DevControls />
        </Suspense>
      )}
    </>
  );
}
