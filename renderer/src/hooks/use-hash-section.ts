import { useEffect, useState } from 'react';
import { findSection, sections, type Section } from '../sections/sections';

function current(): Section {
  const found = findSection(window.location.hash.replace(/^#\/?/, ''));
  return found ?? sections[0];
}

/**
 * The section in the URL hash (`#/cases`): navigation uses real links, so the browser's own
 * keyboard and history behaviour work; nothing but the section name ever goes in the URL.
 */
export function useHashSection(): Section {
  const [section, setSection] = useState(current);
  useEffect(() => {
    const update = () => setSection(current());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return section;
}
