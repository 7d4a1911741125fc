// Owns the 用系统默认程序打开 button: document.openExternal, with a toast saying whether it worked.
import { useState } from 'react';
import type { DocumentInfo } from '../../../../shared/domain';
import { t } from '../../../locale/zh-CN';
import { Icon } from '../../../ui/Icon';
import { reportError, reportInfo, showError } from '../../../kernel/notices';
import { useViewer } from '../store';

export function OpenExternalButton({ document, primary }: { document: DocumentInfo; primary?: boolean }) {
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const opened = await useViewer.getState().openExternal(document.key);
      if (opened) reportInfo(t.viewer.openedExternal);
      else showError(t.viewer.openExternalFailed);
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className={`btn${primary ? ' btn-primary btn-lg' : ''}`}
      onClick={open}
      disabled={busy}
      data-testid="open-external"
    >
      <Icon name="external" />
      {t.viewer.openExternal}
    </button>
  );
}
