// Owns one pre-check finding: status, message, the article cited, evidence that opens the document at its page, and the
// expert's ruling (标记为不适用 / 标记为已核实 with a note, 撤销标记) with its history.
import { useState } from 'react';
import type { ProjectInfo } from '../../../shared/domain';
import type { FindingMark, PrecheckReport } from '../../../shared/precheck';
import { formatDateTime } from '../../lib/format';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { FindingBody } from '../../kernel/FindingBody';
import { usePrecheck } from './store';

type Finding = PrecheckReport['findings'][number];

const MARKS: FindingMark[] = ['not-applicable', 'verified'];
const MARK_TEST_IDS: Record<FindingMark, string> = { 'not-applicable': 'finding-mark-na', verified: 'finding-mark-verified' };

export function FindingCard({ finding, projects }: { finding: Finding; projects: ProjectInfo[] }) {
  const [historyOpen, setHistoryOpen] = useState(false);
  const [choosing, setChoosing] = useState<FindingMark | null>(null);
  const p = t.precheck;
  return (
    <li
      className={`finding finding-${finding.status}${finding.mark?.mark ? ' marked' : ''}`}
      data-testid="finding"
      data-status={finding.status}
      data-rule-id={finding.ruleId}
    >
      <FindingBody finding={finding} projects={projects} />
      {finding.mark?.mark ? (
        <MarkBadge ruleId={finding.ruleId} kind={finding.mark.mark} note={finding.mark.note} markedAt={finding.mark.markedAt} />
      ) : choosing ? (
        <MarkForm ruleId={finding.ruleId} mark={choosing} onDone={() => setChoosing(null)} />
      ) : (
        <div className="finding-actions">
          {MARKS.map((m) => (
            <button key={m} type="button" className="btn btn-small" onClick={() => setChoosing(m)} data-testid={MARK_TEST_IDS[m]}>
              {p.markAs(p.marks[m])}
            </button>
          ))}
        </div>
      )}
      {finding.history.length > 0 && (
        <div className="finding-history">
          <button
            type="button"
            className="link-btn"
            onClick={() => setHistoryOpen(!historyOpen)}
            aria-expanded={historyOpen}
            data-testid="finding-history-toggle"
          >
            <Icon name={historyOpen ? 'up' : 'down'} size={14} />
            {p.history(finding.history.length)}
          </button>
          {historyOpen && (
            <ol className="history-list">
              {[...finding.history]
                .sort((a, b) => b.markedAt.localeCompare(a.markedAt))
                .map((h, i) => (
                  <li key={i}>
                    <span className="history-when">{formatDateTime(h.markedAt)}</span>
                    <span>{h.mark ? p.markedAs(p.marks[h.mark]) : p.historyCleared}</span>
                    {h.note && <span className="history-note">{h.note}</span>}
                  </li>
                ))}
            </ol>
          )}
        </div>
      )}
    </li>
  );
}

interface MarkBadgeProps {
  ruleId: string;
  kind: FindingMark;
  note: string;
  markedAt: string;
}

function MarkBadge({ ruleId, kind, note, markedAt }: MarkBadgeProps) {
  const mark = usePrecheck((s) => s.mark);
  const [busy, setBusy] = useState(false);
  const undo = async () => {
    setBusy(true);
    await mark(ruleId, null, '');
    setBusy(false);
  };
  return (
    <div className="mark-badge" data-testid="finding-mark-badge" data-mark={kind}>
      <div className="mark-badge-head">
        <Icon name="check" size={15} />
        <span className="mark-badge-label">{t.precheck.markedAs(t.precheck.marks[kind])}</span>
        <span className="mark-badge-when">{formatDateTime(markedAt)}</span>
      </div>
      {note && <p className="mark-badge-note">{note}</p>}
      <button type="button" className="link-btn" onClick={() => void undo()} disabled={busy} data-testid="finding-mark-undo">
        {t.precheck.undo}
      </button>
    </div>
  );
}

function MarkForm({ ruleId, mark: kind, onDone }: { ruleId: string; mark: FindingMark; onDone: () => void }) {
  const mark = usePrecheck((s) => s.mark);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    const saved = await mark(ruleId, kind, note.trim());
    setBusy(false);
    if (saved) onDone();
  };
  return (
    <form
      className="mark-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <label className="mark-form-label">
        {t.precheck.markAs(t.precheck.marks[kind])} · {t.precheck.note}
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t.precheck.notePlaceholder}
          maxLength={2000}
          rows={2}
          autoFocus
          data-testid="finding-note"
        />
      </label>
      <div className="mark-form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy} data-testid="finding-mark-save">
          {t.precheck.save}
        </button>
        <button type="button" className="btn btn-small" onClick={onDone} disabled={busy}>
          {t.precheck.cancel}
        </button>
      </div>
    </form>
  );
}
