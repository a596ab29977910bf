import '@/domain/zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadView } from '@/app/app';
import { prefetchManifest } from '@/app/load-built-in';
import { loadLang } from '@/i18n/load-lang';
import { parseUrlState } from '@/model/url-state';
import '@/app/app.css';

// What the first screen needs is fetched now, alongside the app's first render: the language named in the
// link (the render waits for it), the linked view's code and the site's publication (both waited for
// after the browser's store has opened, which takes longer).
const linked = parseUrlState(window.location.search, window.location.hash);
if (linked.lang !== undefined) void loadLang(linked.lang);
if (linked.embed !== true) preloadView(linked.view);
if (linked.asPublished === undefined) prefetchManifest();

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
