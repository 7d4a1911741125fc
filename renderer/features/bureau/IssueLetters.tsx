// Owns 签发评审意见函 on the bureau's letters screen: the 成文日期 (default the meeting's date, or today when later; never
// before the meeting), the formats, what still blocks issuing (sections the chair has not confirmed), the 发文设置 form
// (发文机关标志, 文号前缀, 抄送), and the 发文登记 table with its CSV / Excel export.
import { useEffect, useState } from 'react';
import type { LettersView } from '../../../shared/bureau';
import { useNativeDialogs } from '../../kernel/shell';
import { userMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { useLetters, type LetterFormat } from './lettersStore';

const dateText = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

export function IssueLetters({ sessionId }: { sessionId: string }) {
  const revision = useLetters((s) => s.revision);
  const view = useRemote('bureau.letters.get', { sessionId }, [revision]);
  if (view.state === 'error')
    return (
      <p className="bureau-error" role="alert">
        {userMessage(view.error)}
      </p>
    );
  const value = view.state === 'ready' ? view.value : view.previous;
  if (!value) return null;
  return (
    <>
      <IssueCard sessionId={sessionId} view={value} />
      <SettingsCard view={value} />
      <RegisterCard view={value} />
    </>
  );
}

function IssueCard({ sessionId, view }: { sessionId: string; view: LettersView }) {
  const nativeDialogs = useNativeDialogs();
  const running = useLetters((s) => s.jobId !== null);
  const issued = useLetters((s) => s.issued);
  const [date, setDate] = useState(view.defaultDate);
  const [formats, setFormats] = useState<LetterFormat[]>(['pdf', 'docx']);
  const [choose, setChoose] = useState(false);
  const tooEarly = date < view.earliestDate;
  const blocked = view.unconfirmed.length > 0;
  const toggle = (f: LetterFormat) => setFormats((x) => (x.includes(f) ? x.filter((y) => y !== f) : [...x, f]));
  return (
    <section className="bureau-card" aria-labelledby="issue-h" data-testid="letters-issue">
      <h2 id="issue-h" className="bureau-h2">
        {t.bureau.letters.issueTitle}
      </h2>
      <p className="muted">{t.bureau.letters.issueHint}</p>
      {blocked && (
        <div className="bureau-warning" role="status" data-testid="letters-unconfirmed">
          <p>{t.bureau.letters.unconfirmedTitle}</p>
          <ul>
            {view.unconfirmed.map((u) => (
              <li key={u.projectId}>{t.bureau.letters.unconfirmed(u.name, u.sections.join('、'))}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="bureau-row">
        <label className="bureau-field">
          {t.bureau.letters.date}
          <input
            type="date"
            value={date}
            min={view.earliestDate}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={tooEarly}
            data-testid="letters-date"
          />
          <small className={tooEarly ? 'bureau-error' : 'muted'}>{t.bureau.letters.dateHint(dateText(view.earliestDate))}</small>
        </label>
        {(['pdf', 'docx'] as const).map((f) => (
          <label key={f} className="bureau-check">
            <input type="checkbox" checked={formats.includes(f)} onChange={() => toggle(f)} data-testid={`letters-issue-format-${f}`} />
            {t.documents.formatLabels[f]}
          </label>
        ))}
        {nativeDialogs && (
          <label className="bureau-check">
            <input type="checkbox" checked={choose} onChange={(e) => setChoose(e.target.checked)} />
            {t.documents.chooseFolder}
          </label>
        )}
      </div>
      <button
        type="button"
        className="btn btn-primary"
        disabled={running || blocked || tooEarly || !date}
        onClick={() => void useLetters.getState().issue(sessionId, date, formats, choose ? 'choose' : 'default')}
        data-testid="letters-issue-button"
      >
        {t.bureau.letters.issue}
      </button>
      {issued.length > 0 && (
        <ul className="bureau-list" role="status" data-testid="letters-issued">
          {issued.map((l) => (
            <li key={l.projectId}>{t.bureau.letters.issued(l.number, l.projectName)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SettingsCard({ view }: { view: LettersView }) {
  const [issuerMark, setIssuerMark] = useState(view.settings.issuerMark);
  const [numberPrefix, setNumberPrefix] = useState(view.settings.numberPrefix);
  const [copyTo, setCopyTo] = useState(view.settings.copyTo.join('\n'));
  const [busy, setBusy] = useState(false);
  // A save elsewhere (or the first load) replaces what the form shows.
  useEffect(() => {
    setIssuerMark(view.settings.issuerMark);
    setNumberPrefix(view.settings.numberPrefix);
    setCopyTo(view.settings.copyTo.join('\n'));
  }, [view.settings]);
  const save = async () => {
    setBusy(true);
    await useLetters.getState().saveSettings({
      issuerMark,
      numberPrefix,
      copyTo: copyTo
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    });
    setBusy(false);
  };
  return (
    <section className="bureau-card" aria-labelledby="letters-settings-h" data-testid="letters-settings">
      <h2 id="letters-settings-h" className="bureau-h2">
        {t.bureau.letters.settingsTitle}
      </h2>
      <p className="muted">{t.bureau.letters.settingsHint}</p>
      <label className="bureau-field">
        {t.bureau.letters.issuerMark}
        <input
          value={issuerMark}
          onChange={(e) => setIssuerMark(e.target.value)}
          placeholder={t.bureau.letters.issuerMarkPlaceholder}
          data-testid="letters-issuer-mark"
        />
      </label>
      <label className="bureau-field">
        {t.bureau.letters.numberPrefix}
        <input
          value={numberPrefix}
          onChange={(e) => setNumberPrefix(e.target.value)}
          placeholder={t.bureau.letters.numberPrefixPlaceholder(view.prefix)}
          data-testid="letters-number-prefix"
        />
      </label>
      <label className="bureau-field">
        {t.bureau.letters.copyTo}
        <textarea rows={3} value={copyTo} onChange={(e) => setCopyTo(e.target.value)} data-testid="letters-copy-to" />
      </label>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void save()} data-testid="letters-save-settings">
        {t.bureau.letters.saveSettings}
      </button>
    </section>
  );
}

function RegisterCard({ view }: { view: LettersView }) {
  const nativeDialogs = useNativeDialogs();
  const destination = nativeDialogs ? 'choose' : 'default';
  return (
    <section className="bureau-card" aria-labelledby="letters-register-h" data-testid="letters-register">
      <h2 id="letters-register-h" className="bureau-h2">
        {t.bureau.letters.registerTitle}
      </h2>
      {view.register.length === 0 ? (
        <p className="muted">{t.bureau.letters.registerEmpty}</p>
      ) : (
        <table className="bureau-table">
          <thead>
            <tr>
              <th>{t.bureau.letters.columns.number}</th>
              <th>{t.bureau.letters.columns.project}</th>
              <th>{t.bureau.letters.columns.dated}</th>
              <th>{t.bureau.letters.columns.issuedAt}</th>
            </tr>
          </thead>
          <tbody>
            {view.register.map((l) => (
              <tr key={l.number} data-testid="letters-register-row">
                <td>{l.number}</td>
                <td>{l.projectName}</td>
                <td>{dateText(l.dated)}</td>
                <td>{formatDateTime(l.issuedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="bureau-row">
        <button
          type="button"
          className="btn btn-small"
          disabled={!view.register.length}
          onClick={() => void useLetters.getState().exportRegister('csv', destination)}
          data-testid="letters-register-csv"
        >
          {t.bureau.letters.exportCsv}
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={!view.register.length}
          onClick={() => void useLetters.getState().exportRegister('xlsx', destination)}
          data-testid="letters-register-xlsx"
        >
          {t.bureau.letters.exportXlsx}
        </button>
      </div>
    </section>
  );
}
