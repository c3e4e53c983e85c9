import { useEffect, useState } from 'react';

const TYPES = ['success', 'info', 'warning', 'error'] as const;

/**
 * USWDS draws each alert's icon from an SVG image inlined in its CSS. The
 * first alert of a kind on the page makes the browser parse that image, as
 * its own small document, in the middle of the render that shows the alert:
 * 2 to 3 ms of the click's result on a busy machine. Once the page is idle,
 * one empty alert of each kind is styled off screen, so the images are ready
 * when a result or a conflict first comes. Hidden from assistive technology.
 */
export function AlertIconsPreload() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const start = () => setReady(true);
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(start, { timeout: 2_000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(start, 500);
    return () => clearTimeout(timer);
  }, []);
  if (!ready) return null;
  return (
    <div className="alert-icons-preload" aria-hidden="true">
      {TYPES.map((type) => (
        <div key={type} className={`usa-alert usa-alert--${type}`}>
          <div className="usa-alert__body" />
        </div>
      ))}
    </div>
  );
}
