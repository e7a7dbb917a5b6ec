import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Arrived at a page with `#id` (a worklist row linking to a section of a case): once the section's
 * data is read, the page opens at its heading and the keyboard goes on from there. react-router does
 * not scroll to a hash itself, and the section is not there until its data is.
 */
export function useArrivalFocus(id: string, loaded: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (loaded && hash === `#${id}`) {
      const heading = document.getElementById(id);
      heading?.scrollIntoView();
      heading?.focus({ preventScroll: true });
    }
  }, [id, loaded, hash]);
}
