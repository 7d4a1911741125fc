// Owns turning a sample report or sheet into a SampleDocument entry (id, kind, title, file name, renderer).
import type { DocumentKind } from '../../shared/manifest';
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

/**
 * A stand-in for a signed OFD scan: plain UTF-8 text under an .ofd name. It is not a real OFD (which is a ZIP of XML),
 * so the app must fall back to "cannot render, open in the system's OFD reader".
 */
export const ofdPlaceholder = (id: string, title: string, fileName: string): SampleDocument => ({
  id,
  kind: 'other',
  title,
  fileName,
  render: async () =>
    Buffer.from(
      `本文件是示例评审包中的 OFD 版式文件占位内容，并不是真实的 OFD 文档。\n` +
        `真实评审包中此处为“${title}”的 OFD 版式扫描件，需使用系统中安装的 OFD 阅读器打开。\n` +
        `This is a placeholder for an OFD file in a sample package; it is plain text, not a real OFD document.\n`,
      'utf8',
    ),
});
