import { GridContainer, Header, Title } from '@trussworks/react-uswds';
import { Link, Outlet } from 'react-router';

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
          <Outlet />
        </GridContainer>
      </main>
    </>
  );
}
