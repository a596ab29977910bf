import { StrictMode } from 'react';
import * as z from 'zod/mini';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { loadLang } from '@/i18n/load-lang';
import { parseUrlState } from '@/model/url-state';
import '@/app/app.css';

// No `new Function` probe: the documented Content-Security-Policy has no 'unsafe-eval' (zod's JIT would report a violation).
// The page's schemas use zod/mini (its classic API is 17 KB gzip more), which has no default locale: English
// messages, as the classic API (the CLI, the workers) registers them.
z.config({ jitless: true, ...z.locales.en() });

// The language named in the link is fetched now, alongside the app's first render (which waits for it).
const linkedLang = parseUrlState(window.location.search, window.location.hash).lang;
if (linkedLang !== undefined) void loadLang(linkedLang);

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
