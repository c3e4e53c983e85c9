import { GridContainer, Header, Title } from '@trussworks/react-uswds';
import { lazy, Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { PageErrorBoundary } from './PageErrorBoundary';

// Compared with build-time constants, so a build with mocking off drops the
// import and its chunk altogether. Component tests run the mock in Node
// (msw/node), where the browser mock these controls drive does not exist;
// the browser tests cover them.
const DevControls =
  import.meta.env.VITE_MOCK_API === 'on' && import.meta.env.MODE !== 'test'
    ? lazy(() => import('./DevControls'))
    : null;

export function Layout() {
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <Header basic>
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <Title>
              <Link to="/">TOO office</Link>
            </Title>
          </div>
        </div>
      </Header>
      <main id="main-content" tabIndex={-1}>
        <GridContainer className="padding-y-4">
          <PageErrorBoundary>
            <Outlet />
          </PageErrorBoundary>
        </GridContainer>
      </main>
      {DevControls && (
        <Suspense fallback={null}>
          <DevControls />
        </Suspense>
      )}
    </>
  );
}
