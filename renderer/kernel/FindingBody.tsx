// Owns how one pre-check finding reads, wherever it is shown: its status and 跨项目 tags, the message, the article cited and the evidence —
// a button that opens the document at its page when the session's documents are at hand (`projects`), plain text otherwise.
// The expert's 形式审查 card (features/precheck) adds the marks; the bureau's 规则配置 test run shows it as it is.
import type { ProjectInfo } from '../../shared/domain';
import type { Evidence, FindingStatus } from '../../shared/precheck';
import { t } from '../locale/zh-CN';
import { Icon } from '../ui/Icon';
import { findDocument, placeLabel, showPlace } from './showPlace';

export interface FindingView {
  status: FindingStatus;
  message: string;
  citation: string;
  crossProject: boolean;
  evidence: (Evidence & { documentKey?: number })[];
}

/** The finding's content; the caller gives the `<li className="finding …">` around it. */
export function FindingBody({ finding, projects }: { finding: FindingView; projects?: ProjectInfo[] }) {
  const p = t.precheck;
  return (
    <>
      <div className="finding-tags">
        <span className={`status-chip status-${finding.status}`}>{p.statuses[finding.status]}</span>
        {finding.crossProject && (
          <span className="cross-badge" title={p.crossProjectTitle}>
            {p.crossProject}
          </span>
        )}
      </div>
      <p className="finding-message">{finding.message}</p>
      <p className="citation" data-testid="finding-citation">
        {finding.citation}
      </p>
      {finding.evidence.length > 0 && (
        <ul className="evidence-list">
          {finding.evidence.map((e, i) => (
            <li key={i}>
              <EvidenceLine evidence={e} projects={projects} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** "建设方案 · 第 7 页：“…”": a button when the document can be opened there. */
function EvidenceLine({ evidence, projects }: { evidence: FindingView['evidence'][number]; projects?: ProjectInfo[] }) {
  const p = t.precheck;
  const place = evidence.documentTitle
    ? placeLabel(evidence.documentTitle, evidence.page, projects ? findDocument(projects, evidence.documentKey) : undefined)
    : null;
  const content = (
    <>
      <Icon name="document" size={15} />
      <span>
        {place && <span className="evidence-place">{place}</span>}
        {place && evidence.quote && '：'}
        {evidence.quote && <span className="evidence-quote">{p.quote(evidence.quote)}</span>}
      </span>
    </>
  );
  const { documentKey } = evidence;
  if (documentKey === undefined || !projects) {
    return (
      <span className="evidence" data-testid="finding-evidence">
        {content}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="evidence evidence-link"
      onClick={() => showPlace(projects, { documentKey, page: evidence.page })}
      title={p.openEvidence}
      data-testid="finding-evidence"
    >
      {content}
    </button>
  );
}
