// Test helper: the document lint (文书用语检查) — what must never be printed on a signed or issued paper: machine words
// (project ids like wl-2027-01, the profiles' rule ids, UUIDs, file names, English words), 「」 quotes, ISO dates
// (2027-03-18), and the names of districts other than the session's own. Text is read from both formats: the PDF with
// poppler's pdftotext, the DOCX with mammoth.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';

const profilesDir = path.resolve(__dirname, '../../../resources/profiles');

interface ProfileFile {
  id: string;
  name: string;
}

const profiles = readdirSync(profilesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, json: JSON.parse(readFileSync(path.join(profilesDir, f), 'utf8')) as ProfileFile & Record<string, unknown> }));

/** Every `id` value of every built-in profile (rules, chapters, vetoes, dimensions, sub-criteria, kinds). */
export const knownRuleIds: readonly string[] = (() => {
  const ids = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'id' && typeof x === 'string') ids.add(x);
        else walk(x);
      }
    }
  };
  profiles.forEach((p) => walk(p.json));
  return [...ids].filter((id) => /^[a-z][a-z0-9-]{2,}$/.test(id)).sort((a, b) => b.length - a.length);
})();

/** The short names of a profile's district (泰州医药高新区（高港区） → 泰州, 高港; 达拉特旗 → 达拉特). */
function districtNames(name: string): string[] {
  return name
    .split(/[（）()]/)
    .map((s) => s.trim().replace(/(自治区|区|旗|县|市)$/u, ''))
    .filter((s) => s.length >= 2)
    .map((s) => (s.length > 3 ? s.slice(0, 2) : s));
}

/** The districts of the built-in profiles other than `own` (a profile id), by short name. */
export function otherDistricts(own: string): string[] {
  return profiles.filter((p) => p.json.id !== 'national' && p.json.id !== own).flatMap((p) => districtNames(p.json.name));
}

/** All-capital abbreviations that Chinese technical writing uses as words (and the demo's experts write). */
export const allowedAbbreviations = new Set(['APP', 'SSL', 'VPN']);

export interface LintProblem {
  document: string;
  rule: string;
  text: string;
}

/**
 * The problems of one document's text. `text` keeps its line breaks (a word is never split across lines by either
 * renderer); patterns that may straddle a line break (ids, dates, UUIDs, file names) are also sought with lines joined.
 */
export function lintText(document: string, text: string, district: string): LintProblem[] {
  const joined = text.replace(/\s*\n\s*/g, '');
  const problems: LintProblem[] = [];
  const hit = (rule: string, re: RegExp, source: string) => {
    for (const m of source.matchAll(re)) problems.push({ document, rule, text: m[0] });
  };
  hit('项目或规则编号', /\b[a-z]+-\d{4}-\d+\b/g, joined);
  hit('UUID', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, joined);
  hit('文件名', /[^\s/\\]*\.(?:pdf|docx|rpkg|json)\b/gi, joined);
  hit('「」引号', /[「」『』]/g, joined);
  hit('ISO 日期', /\b\d{4}-\d{2}-\d{2}\b/g, joined);
  for (const id of knownRuleIds) hit('规则编号', new RegExp(`(?<![A-Za-z-])${id}(?![A-Za-z-])`, 'g'), text);
  for (const m of text.matchAll(/[A-Za-z]{3,}/g))
    if (!allowedAbbreviations.has(m[0])) problems.push({ document, rule: '英文单词', text: m[0] });
  for (const name of otherDistricts(district)) hit('其他辖区', new RegExp(name, 'g'), joined);
  // One problem per rule and text: a word repeated on every page is one finding.
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(`${p.rule}|${p.text}`) && seen.add(`${p.rule}|${p.text}`));
}

/** The text of a PDF (pdftotext, reading order) or a DOCX (mammoth's raw text). */
export async function documentText(file: string): Promise<string> {
  if (file.endsWith('.pdf')) return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
  if (file.endsWith('.docx')) return (await mammoth.extractRawText({ path: file })).value;
  throw new Error(`not a PDF or DOCX: ${file}`);
}

/** Lints files; the message names each document and its offending texts (empty when all are clean). */
export async function lintFiles(files: readonly string[], district: string): Promise<string> {
  const problems: LintProblem[] = [];
  for (const f of files) problems.push(...lintText(path.basename(f), await documentText(f), district));
  return problems.map((p) => `${p.document}：${p.rule}“${p.text}”`).join('\n');
}
