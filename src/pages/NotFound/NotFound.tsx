import { Link } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';

interface NotFoundProps {
  heading?: string;
  detail?: string;
}

export function NotFound({
  heading = 'Page not found',
  detail = 'There is nothing at this address.',
}: NotFoundProps) {
  usePageTitle(heading);
  return (
    <section aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">{heading}</h1>
      <p>{detail}</p>
      <p>
        <Link className="usa-link" to="/">
          Back to the moves queue
        </Link>
      </p>
    </section>
  );
}
