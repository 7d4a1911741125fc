// Owns the in-code description of a sample project (申报项目): its manifest fields, budget lines in fen, and the documents to render.
import type { DocumentKind, ProjectType, jurisdictions } from '../../shared/manifest';

type Jurisdiction = (typeof jurisdictions)[number];

/** One line of the 投资概算; money in integer fen (分), converted to yuan only when written out. */
export interface BudgetItem {
  name: string;
  category: string;
  quantity: number;
  unit: string;
  unitPriceFen: number;
  note?: string;
}

export interface SampleDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  /** File name inside documents/<project id>/. */
  fileName: string;
  render: () => Promise<Buffer>;
}

export interface SampleProject {
  id: string;
  /** 项目编号 printed on covers. */
  code: string;
  name: string;
  applicant: string;
  supervisor?: string;
  type: ProjectType;
  fundingSource: string;
  periodMonths: number;
  inAnnualPlan: boolean;
  summary: string;
  budget: BudgetItem[];
  documents: SampleDocument[];
}

export const lineAmountFen = (item: BudgetItem): number => item.quantity * item.unitPriceFen;

export const totalFen = (items: BudgetItem[]): number => items.reduce((sum, item) => sum + lineAmountFen(item), 0);

/** 1280000 yuan in fen → "1,280,000.00". */
export function yuanText(fen: number): string {
  const yuan = Math.floor(fen / 100).toLocaleString('en-US');
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}

/** fen → 万元 with two decimals, for prose ("投资 856.40 万元"). */
export const wanText = (fen: number): string => (fen / 1_000_000).toFixed(2);

export interface SampleExpert {
  id: string;
  name: string;
  title: string;
  employer: string;
  /** 专业 (optional in the manifest). */
  specialty?: string;
}

/** One review session's package (评审包) before it is written out. */
export interface SamplePackage {
  /** Folder name under resources/samples/ (the .rpkg gets the same name). */
  dirName: string;
  packageId: string;
  createdAt: string;
  issuer: string;
  jurisdiction: Jurisdiction;
  session: { title: string; date: string; location: string; experts: SampleExpert[]; chair: string };
  projects: SampleProject[];
}
