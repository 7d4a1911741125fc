// Owns the 文书字体 button and dialog: for each font role of the documents, the face the PDFs use and whether it is
// the system's or the bundled one, and the font name the Word files carry.
import { useState } from 'react';
import { userMessage } from '../../lib/errors';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { Modal } from '../../ui/Modal';

function FontTable() {
  const fonts = useRemote('output.fonts', {});
  if (fonts.state === 'loading') return <p className="muted">{t.common.loading}</p>;
  if (fonts.state === 'error') return <p className="text-error">{userMessage(fonts.error)}</p>;
  return (
    <table className="font-roles" data-testid="font-roles">
      <thead>
        <tr>
          <th scope="col">{t.fonts.columns.role}</th>
          <th scope="col">{t.fonts.columns.face}</th>
          <th scope="col">{t.fonts.columns.source}</th>
          <th scope="col">{t.fonts.columns.docx}</th>
        </tr>
      </thead>
      <tbody>
        {fonts.value.map((f) => (
          <tr key={f.role} data-testid="font-role" data-role={f.role} data-source={f.source}>
            <th scope="row">{t.fonts.roles[f.role]}</th>
            <td>
              {f.face}
              {t.fonts.bold[f.bold] && <small className="muted">{t.fonts.bold[f.bold]}</small>}
            </td>
            <td>
              <span className={`font-source font-source-${f.source}`}>{t.fonts.sources[f.source]}</span>
            </td>
            <td>{f.docxName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FontsButton({ className }: { className: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} title={t.fonts.openTitle} data-testid="fonts-open">
        {t.fonts.open}
      </button>
      {open && (
        <Modal
          title={t.fonts.title}
          onEscape={() => setOpen(false)}
          wide
          testId="fonts-dialog"
          footer={
            <button type="button" className="btn btn-primary" onClick={() => setOpen(false)} data-autofocus>
              {t.common.close}
            </button>
          }
        >
          <p className="font-roles-intro">{t.fonts.intro}</p>
          <FontTable />
          <p className="muted font-roles-hint">{t.fonts.hint}</p>
        </Modal>
      )}
    </>
  );
}
