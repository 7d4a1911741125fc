// Owns turning a sample report or sheet into a SampleDocument entry (id, kind, title, file name, renderer).
import type { DocumentKind } from '../../shared/manifest';
import { writeOfd } from '../legacy/ofd-writer';
import type { InformationResource, PerformanceTarget } from './sheets';
import { renderBudgetXlsx, renderPerformanceXlsx, renderResourceCatalogXlsx } from './sheets';
import { renderReportDocx } from './report-docx';
import type { Report } from './report-model';
import { renderReportPdf } from './report-pdf';
import { totalFen, type SampleDocument, type SampleProject } from './sample-project';

export const pdfDocument = (id: string, kind: DocumentKind, report: Report, created: Date): SampleDocument => ({
  id,
  kind,
  title: report.docType === '建设方案' ? `${report.projectName}建设方案` : report.docType,
  fileName: `${report.docType}.pdf`,
  render: () => renderReportPdf(report, created),
});

export const docxDocument = (id: string, kind: DocumentKind, report: Report, created: Date): SampleDocument => ({
  id,
  kind,
  title: report.docType,
  fileName: `${report.docType}.docx`,
  render: () => renderReportDocx(report, created),
});

export const budgetDocument = (p: SampleProject, created: Date): SampleDocument => ({
  id: `${p.id}-budget`,
  kind: 'budget',
  title: '投资概算表',
  fileName: '投资概算表.xlsx',
  render: () => renderBudgetXlsx({ projectName: p.name, applicant: p.applicant, items: p.budget, created }),
});

export const catalogDocument = (p: SampleProject, resources: InformationResource[], created: Date): SampleDocument => ({
  id: `${p.id}-catalog`,
  kind: 'resource-catalog',
  title: '政务信息资源目录',
  fileName: '信息资源目录.xlsx',
  render: () => renderResourceCatalogXlsx({ projectName: p.name, applicant: p.applicant, resources, created }),
});

export const performanceDocument = (p: SampleProject, goals: string, targets: PerformanceTarget[], created: Date): SampleDocument => ({
  id: `${p.id}-performance`,
  kind: 'performance-targets',
  title: '项目绩效目标表',
  fileName: '绩效目标表.xlsx',
  render: () =>
    renderPerformanceXlsx({ projectName: p.name, applicant: p.applicant, totalFen: totalFen(p.budget), goals, targets, created }),
});

/** An OFD official notice (GB/T 33190, scripts/legacy/ofd-writer.ts): a title and three body paragraphs on one A4 page. */
export const ofdDocument = (id: string, title: string, fileName: string): SampleDocument => ({
  id,
  kind: 'other',
  title,
  fileName,
  render: () => {
    const lines = [
      '区发展改革委关于下达2027年度政务信息化项目计划的通知',
      '各有关单位：',
      '经区政府同意，现将2027年度区级政务信息化项目计划下达给你们，',
      '请按照批准的建设内容和投资规模组织实施。',
      '特此通知。',
    ];
    return writeOfd([{ lines: lines.map((text, i) => ({ text, size: i === 0 ? 5.6 : 4.2, x: 28, y: 45 + i * 12 })) }], title);
  },
});
