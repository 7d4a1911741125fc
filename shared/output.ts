// Owns the types of generated documents (生成文书) that cross the API: templates as listed, their editable texts,
// placeholders of an uploaded .docx, a generated file's record, and what a batch answers.
import { z } from 'zod';

/** What a file is written as: templates render to DOCX or PDF; the score sheets (评分表) to XLSX or CSV. */
export const outputFormats = ['docx', 'pdf', 'xlsx', 'csv'] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** Where a batch or a single document is written: the session's folder under the data folder, or one the user picks. */
export const destinations = ['default', 'choose'] as const;
export type Destination = (typeof destinations)[number];

/** `project`: one file per project (专家个人评审意见表); `session`: one file for the session (评分汇总表, 签到表). */
export type TemplateScope = 'project' | 'session';

export interface TemplateListItem {
  /** Built-in id (`expert-opinion`), `docx-<n>` for an uploaded .docx, or `score-sheet` for the score sheets. */
  id: string;
  kind: 'builtin' | 'docx' | 'sheet';
  name: string;
  /** The version in force: the newest edit, else the shipped one. */
  version: number;
  /** Set when the version in force is an edit made in the app. */
  editedAt: string | null;
  /** The version the edit in force was made from. */
  basedOn: number | null;
  scope: TemplateScope;
  formats: OutputFormat[];
  /** False for an uploaded .docx: it is filled as Word and cannot be shown as PDF in the app. */
  previewable: boolean;
}

/** One editable text of a built-in template (标题、段落…); `path` is its JSON Pointer in the template file. */
export interface TemplateText {
  path: string;
  label: string;
  value: string;
  multiline: boolean;
}

export const textEditSchema = z.object({ path: z.string().min(1).max(500), value: z.string().max(20_000) }).strict();
export type TextEdit = z.infer<typeof textEditSchema>;

export interface TemplateDetail {
  template: TemplateListItem;
  texts: TemplateText[];
  /** Placeholders the texts may use (e.g. `project.name`), to help the editor. */
  placeholders: string[];
}

/** The placeholders found in an uploaded .docx, split by whether the app can fill them. */
export interface DocxPlaceholders {
  known: string[];
  unknown: string[];
}

export interface UploadResult {
  template: TemplateListItem;
  placeholders: DocxPlaceholders;
}

/** The record of one generated file (table generated_documents). */
export interface GeneratedDocument {
  id: number;
  sessionId: string;
  /** null for a session-wide document. */
  projectId: string | null;
  templateId: string;
  templateVersion: number;
  format: OutputFormat;
  /** Absolute path of the file on this machine. */
  path: string;
  sha256: string;
  bytes: number;
  createdAt: string;
  /** The jurisdiction profile the document was generated under (absent for documents made before it was recorded). */
  profile?: { id: string; version: number; fingerprint: string };
}

/** A document a batch could not fill (e.g. a project not yet scored), and why; the batch makes the others. */
export interface SkippedDocument {
  name: string;
  reason: string;
}

export interface OutputResult {
  /** The folder written to; null when the user closed the folder dialog without choosing one (nothing written). */
  folder: string | null;
  files: GeneratedDocument[];
  skipped: SkippedDocument[];
}

/** 文书字体: a font role of GB/T 9704 (标题 小标宋, 正文 仿宋, 一级标题 黑体, 二级标题 楷体). */
export type DocumentFontRole = 'xiaobiaosong' | 'fangsong' | 'hei' | 'kai';

/** Which face draws a role in the PDFs this machine makes, and the name the Word files give it. */
export interface DocumentFont {
  role: DocumentFontRole;
  /** The face's own family name (仿宋, 方正小标宋简体, Noto Serif SC…). */
  face: string;
  /** `system`: installed on this machine, a subset embedded; `bundled`: the open face shipped with the app. */
  source: 'system' | 'bundled';
  /** Bold of this role: the system family's bold face, drawn thicker (the family has none), or the bundled bold. */
  bold: 'face' | 'synthetic' | 'bundled';
  /** The font the DOCX names for the role, whatever this machine has (Word and WPS use it where installed). */
  docxName: string;
}
