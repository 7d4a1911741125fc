// Owns a draft project's documents (申报材料): dropping files or choosing them, each with its kind (guessed from the name, changeable before adding), the attached list and removing one.
import { useState } from 'react';
import type { DraftProject } from '../../../shared/bureau';
import { documentKinds, type DocumentKind } from '../../../shared/manifest';
import { formatFileSize } from '../../lib/format';
import { uploadSource } from '../../lib/upload';
import { t } from '../../locale/zh-CN';
import { DropZone } from '../../ui/DropZone';
import { FileButton } from '../../ui/FileButton';
import { Icon } from '../../ui/Icon';
import { useBureau } from './store';

/** The kind a file's name suggests (建设方案.pdf → 建设方案), else null. */
export function guessKind(name: string): DocumentKind | null {
  const words: [RegExp, DocumentKind][] = [
    [/可行性|可研/, 'feasibility'],
    [/初步设计/, 'preliminary-design'],
    [/概算|预算|投资估算/, 'budget'],
    [/资源目录/, 'resource-catalog'],
    [/密码/, 'crypto-plan'],
    [/绩效/, 'performance-targets'],
    [/后评价/, 'post-evaluation'],
    [/合同/, 'prior-contract'],
    [/服务需求/, 'service-requirements'],
    [/方案/, 'proposal'],
  ];
  return words.find(([re]) => re.test(name))?.[1] ?? null;
}

export function DocumentsEditor({ project }: { project: DraftProject }) {
  const [kind, setKind] = useState<DocumentKind | 'auto'>('auto');
  const [adding, setAdding] = useState<{ done: number; total: number; name: string } | null>(null);

  const add = async (files: File[]) => {
    for (const [i, file] of files.entries()) {
      setAdding({ done: i, total: files.length, name: file.name });
      const { name, bytes } = await uploadSource(file);
      const chosen = kind === 'auto' ? (guessKind(name) ?? 'other') : kind;
      const title = name.replace(/\.[^.]+$/, '');
      const saved = await useBureau
        .getState()
        .edit('bureau.draft.addDocument', { projectId: project.id, name, kind: chosen, title, bytes });
      if (!saved) break;
    }
    setAdding(null);
  };
  const remove = (documentId: string) =>
    void useBureau.getState().edit('bureau.draft.removeDocument', { projectId: project.id, documentId });

  return (
    <fieldset className="bureau-group" data-testid="documents-editor">
      <legend>{t.bureau.docs.title}</legend>
      <div className="bureau-row">
        <label className="bureau-inline">
          {t.bureau.docs.kind}
          <select value={kind} onChange={(e) => setKind(e.target.value as DocumentKind | 'auto')} data-testid="doc-kind">
            <option value="auto">{t.bureau.docs.kindAuto}</option>
            {documentKinds.map((k) => (
              <option key={k} value={k}>
                {t.labels.documentKinds[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DropZone className="bureau-drop" onFiles={(files) => void add(files)} testId="doc-drop">
        <Icon name="upload" size={22} />
        <span>{t.bureau.docs.drop}</span>
        <FileButton className="btn btn-small" multiple onFiles={(files) => void add(files)} testId="doc-input">
          {t.bureau.docs.choose}
        </FileButton>
      </DropZone>
      {adding && (
        <div className="bureau-progress" role="status">
          <span>{t.bureau.docs.adding(adding.done + 1, adding.total, adding.name)}</span>
          <span className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={adding.total} aria-valuenow={adding.done}>
            <span className="progress-bar" style={{ width: `${Math.round((adding.done / adding.total) * 100)}%` }} />
          </span>
        </div>
      )}
      {project.documents.length === 0 ? (
        <p className="muted">{t.bureau.docs.none}</p>
      ) : (
        <ul className="bureau-docs" data-testid="doc-list">
          {project.documents.map((d) => (
            <li key={d.id} data-testid="doc-item">
              <Icon name="document" />
              <span className="bureau-doc-kind">{t.labels.documentKinds[d.kind]}</span>
              <span>{d.fileName}</span>
              <span className="muted">{formatFileSize(d.bytes)}</span>
              <button type="button" className="btn btn-small" onClick={() => remove(d.id)} aria-label={t.bureau.docs.remove(d.fileName)}>
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
