import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import '@/app/app.css';

// No `new Function` probe: the documented Content-Security-Policy has no 'unsafe-eval' (zod's JIT would report a violation).
z.config({ jitless: true });

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
