import './zod-without-eval.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n/i18n.js';
import { App } from './shell/app.js';
import { db } from './local-db/store-db.js';
import { keepConnection } from './local-db/keep-connection.js';
import { loadClockOffset } from './sync/device-clock.js';
import { registerServiceWorker } from './shell/register-service-worker.js';
import './shell/app.css';

keepConnection(db);
// The server-clock estimate from the last sync, before any countdown is drawn.
void loadClockOffset();
registerServiceWorker();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
