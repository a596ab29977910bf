import { useCallback, useEffect, useState } from 'react';
import { formatHash, parseUrlState, stripKnownParams, type UrlState } from '@/model/url-state';

function readLocation(): UrlState {
  return parseUrlState(window.location.search, window.location.hash);
}

function writeLocation(state: UrlState, mode: 'push' | 'replace'): void {
  const { pathname } = window.location;
  const url = `${pathname}${stripKnownParams(window.location.search)}${formatHash(state)}`;
  if (url === `${pathname}${window.location.search}${window.location.hash}`) return;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

/**
 * The URL state, kept in sync both ways: back/forward and edited hashes update it; `update` writes the
 * canonical hash (replacing the history entry for selections, pushing one for a change of view).
 */
export function useUrlState(): [UrlState, (next: UrlState) => void] {
  const [state, setState] = useState<UrlState>(readLocation);

  // A link typed with query parameters (`/?lang=ar&view=compare`) is rewritten once into the app's own
  // form (`/#/compare?lang=ar`), so what the address bar shows is what a copied link will open.
  useEffect(() => {
    writeLocation(readLocation(), 'replace');
  }, []);

  useEffect(() => {
    const onChange = () => setState(readLocation());
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);

  const update = useCallback((next: UrlState) => {
    setState((prev) => {
      writeLocation(next, prev.view === next.view ? 'replace' : 'push');
      return next;
    });
  }, []);

  return [state, update];
}
