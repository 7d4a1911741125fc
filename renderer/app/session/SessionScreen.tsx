// Owns the session screen: fetches the session detail, starts its text extraction and pre-check report, keeps the selected
// project/document valid, puts 确认身份 in the centre until the expert has picked their roster entry, and lays out the columns: project list (collapsible), document pane, drag handle and side panel — or,
// in the full-width score view, the project list and the score table (deskLayout.ts).
import { useEffect, useRef, type CSSProperties } from 'react';
import type { SessionDetail } from '../../../shared/domain';
import { ApiError } from '../../api';
import { DocumentsScreen } from '../../features/documents/DocumentsScreen';
import { OverviewScreen } from '../../features/overview/OverviewScreen';
import { usePrecheckReport } from '../../features/precheck/store';
import { EmptyViewer } from '../../features/session/EmptyViewer';
import { ProjectSidebar } from '../../features/session/ProjectSidebar';
import { useExpert } from '../../features/expert/store';
import { IdentityFirst, useIdentityPending } from '../../features/signing/RosterGate';
import { SigningScreens } from '../../features/signing/SigningScreens';
import { DocumentViewer } from '../../features/viewer/DocumentViewer';
import { ViewerCrashed } from '../../features/viewer/ViewerFrame';
import { useExtract } from '../../kernel/extract';
import { showError } from '../../kernel/notices';
import { useSession } from '../../kernel/sessionStore';
import { userMessage } from '../../lib/errors';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { clampFormWidth, SIDEBAR_WIDTH, useDeskLayout } from './deskLayout';
import { PaneResizer } from './PaneResizer';
import { ScorePane } from './ScorePane';
import { SessionHeader } from './SessionHeader';
import { SidePanel } from './SidePanel';
import { useWindowWidth } from './useWindowWidth';

export function SessionScreen({ sessionId }: { sessionId: string }) {
  const generation = useSession((s) => s.generation);
  const detail = useRemote('session.get', { sessionId }, [generation]);

  useEffect(() => {
    if (detail.state === 'error' && detail.error instanceof ApiError && detail.error.code === 'not-found') {
      showError(t.session.notFound);
      useSession.getState().closeSession();
    }
  }, [detail]);

  if (detail.state === 'loading') return <div className="splash">{t.common.loading}</div>;
  if (detail.state === 'error') {
    return (
      <div className="splash">
        <p className="text-error">{userMessage(detail.error)}</p>
        <button type="button" className="btn" onClick={() => useSession.getState().closeSession()}>
          {t.session.home}
        </button>
      </div>
    );
  }
  return <SessionLayout detail={detail.value} />;
}

function SessionLayout({ detail }: { detail: SessionDetail }) {
  const projectId = useSession((s) => s.projectId);
  const documentKey = useSession((s) => s.documentKey);
  const panelCollapsed = useSession((s) => s.panelCollapsed);
  const overviewOpen = useSession((s) => s.overviewOpen);
  const documentsOpen = useSession((s) => s.documentsOpen);
  const panelTab = useSession((s) => s.panelTab);
  const { scoreView, formWidth, sidebarCollapsed, toggleSidebar, setScoreView } = useDeskLayout();
  const windowWidth = useWindowWidth();
  const project = detail.projects.find((p) => p.id === projectId) ?? null;
  const document = project?.documents.find((d) => d.key === documentKey) ?? null;
  const tableView = scoreView === 'table' && panelTab === 'score' && !overviewOpen && !documentsOpen && project !== null;
  usePrecheckReport(detail.id, project?.id ?? null);
  // Identity first: until the expert picks their roster entry the centre pane asks for it — unless the 评分 tab shows the same gate.
  const identityPending = useIdentityPending(detail.id);
  const identityFirst = identityPending && !(panelTab === 'score' && !panelCollapsed && project !== null);

  // Asking for a document (the list, a search hit, evidence) while the score table fills the screen brings the documents
  // back beside the form — also the document already selected, whose viewer the table hides.
  const documentAsks = useSession((s) => s.documentAsks);
  const answeredAsks = useRef(documentAsks);
  useEffect(() => {
    if (documentAsks !== answeredAsks.current && useDeskLayout.getState().scoreView === 'table') setScoreView('side');
    answeredAsks.current = documentAsks;
  }, [documentAsks, setScoreView]);

  // Each (re)opened session extracts what is not yet extracted; an already extracted session answers at once.
  useEffect(() => {
    void useExtract.getState().run(detail.id);
  }, [detail]);

  // A restored or fresh place may point at nothing in this session: fall back to the first project, no document.
  useEffect(() => {
    const first = detail.projects[0];
    if (!project && first) {
      useSession.setState({ projectId: first.id, documentKey: null });
    } else if (project && documentKey !== null && !document) {
      useSession.setState({ documentKey: null });
    }
  }, [project, document, documentKey, detail.projects]);

  const columns = {
    '--sidebar-w': `${sidebarCollapsed ? SIDEBAR_WIDTH.collapsed : SIDEBAR_WIDTH.open}px`,
    '--panel-w': `${clampFormWidth(formWidth, windowWidth, sidebarCollapsed)}px`,
  } as CSSProperties;
  const sidebar = (
    <ProjectSidebar
      projects={detail.projects}
      project={project}
      documentKey={documentKey}
      collapsed={sidebarCollapsed}
      onToggle={toggleSidebar}
    />
  );

  if (tableView && project) {
    return (
      <div className="session">
        <SessionHeader detail={detail} />
        <div className="session-body score-table-view" style={columns}>
          {sidebar}
          <main className="score-sheet-area" data-testid="score-sheet">
            <ScorePane sessionId={detail.id} project={project} />
          </main>
        </div>
        <SigningScreens />
      </div>
    );
  }

  // The session-wide screens (评审概览, 文书) take the whole work area: at 1366 px beside the side panel the overview's
  // charts were cut off. A row of the overview opens its project's 评分 tab, which brings the panel back.
  if (overviewOpen || documentsOpen) {
    return (
      <div className="session">
        <SessionHeader detail={detail} />
        <div className="session-body score-table-view" style={columns}>
          {sidebar}
          <main className="viewer-area">
            {documentsOpen ? (
              <DocumentsScreen detail={detail} project={project} />
            ) : (
              <OverviewScreen sessionId={detail.id} projects={detail.projects} />
            )}
          </main>
        </div>
        <SigningScreens />
      </div>
    );
  }

  return (
    <div className="session">
      <SessionHeader detail={detail} />
      <div className={`session-body${panelCollapsed ? ' panel-collapsed' : ''}`} style={columns}>
        {sidebar}
        <main className="viewer-area">
          {document ? (
            // A viewer that crashes on one odd file takes down only the centre pane.
            <ErrorBoundary key={document.key} fallback={(retry) => <ViewerCrashed onRetry={retry} />}>
              <DocumentViewer document={document} />
            </ErrorBoundary>
          ) : identityFirst ? (
            <IdentityFirst sessionId={detail.id} onNameChange={() => void useExpert.getState().load()} />
          ) : (
            <EmptyViewer project={project} />
          )}
        </main>
        {!panelCollapsed && <PaneResizer />}
        <SidePanel sessionId={detail.id} projects={detail.projects} project={project} />
      </div>
      <SigningScreens />
    </div>
  );
}
