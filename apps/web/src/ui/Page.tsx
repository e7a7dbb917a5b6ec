import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * One page: its document title, its one h1, and focus on the h1 after every navigation within the
 * app (not on the first load), so a screen reader announces the new page and the keyboard starts at
 * its top, as it would after a full page load.
 */
/** The location the document was loaded at (a reload keeps its history key): no focus move there. */
let loadedAt: string | null = null;

export function Page({ title, heading, children }: { title: string; heading?: ReactNode; children?: ReactNode }) {
  const location = useLocation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Tilskud`;
  }, [title]);
  useEffect(() => {
    loadedAt ??= location.key;
    if (location.key !== loadedAt) ref.current?.focus();
  }, [location.key]);
  return (
    <>
      <h1 ref={ref} tabIndex={-1} className="page-heading">
        {heading ?? title}
      </h1>
      {children}
    </>
  );
}
