// Owns the renderer entry point: styles, the error boundary and mounting the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import './styles/base.css';
import './styles/controls.css';
import './styles/dialogs.css';
import './styles/notices.css';
import './styles/start.css';
import './styles/session.css';
import './styles/sidebar.css';
import './styles/panel.css';
import './styles/precheck.css';
import './styles/findings.css';
import './styles/scoring.css';
import './styles/scoring-outcome.css';
import './styles/scoring-table.css';
import './styles/overview.css';
import './styles/phrases.css';
import './styles/search.css';
import './styles/viewer.css';
import './styles/pdf.css';
import './styles/docx.css';
import './styles/ofd.css';
import './styles/sheet.css';
import './styles/documents.css';
import './styles/fonts.css';
import './styles/signing.css';
import './styles/bureau.css';
import './styles/bureau-panel.css';
import './styles/bureau-profiles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
