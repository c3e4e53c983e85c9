import { useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { awayNoticesOf } from '../app/awayNotices';
import { useAppStore } from '../app/hooks';

/**
 * What came of the jobs that ended while the user was elsewhere, on every
 * page: a polite live region (the notice does not take the focus from what
 * the user is doing), each with a way to its record and a Dismiss button.
 */
export function AwayNoticeList() {
  const notices = awayNoticesOf(useAppStore());
  const list = useSyncExternalStore(notices.subscribe, notices.current);
  return (
    <div role="status" className="alert-slot">
      {list.map((notice) => (
        <section
          key={notice.id}
          aria-label="While you were away"
          className={`usa-alert usa-alert--${notice.type} usa-alert--slim margin-bottom-2`}
        >
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {notice.text} <Link to={notice.path}>{notice.link}</Link>{' '}
              <button
                type="button"
                className="usa-button usa-button--unstyled margin-left-1"
                aria-label={`Dismiss: ${notice.text}`}
                onClick={() => {
                  notices.dismiss(notice.id);
                  // The button is gone: the focus goes to the page, not to its start.
                  document.getElementById('main-content')?.focus({ preventScroll: true });
                }}
              >
                Dismiss
              </button>
            </p>
          </div>
        </section>
      ))}
    </div>
  );
}
