import { useEffect, useState } from 'react';
import { parseRoute, type Route } from '../sections/route';

function current(): Route {
  return parseRoute(window.location.hash);
}

/**
 * The place in the URL hash (`#/cases/<id>`): navigation uses real links, so the browser's own
 * keyboard and history behaviour work. Only a section name and record ids ever go in the URL,
 * never a name or a word of a record.
 */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** Go somewhere inside the app (a section and, optionally, a path under it). */
export function navigate(path: string): void {
  window.location.hash = `#/${path}`;
}
