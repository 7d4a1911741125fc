// Owns the strings of the expert's desk layout: the score views (并排 / 全宽评分表), pane sizes, the header's primary action
// and 更多 menu, unsaved invalid input and opinion length counters (Simplified Chinese).
export const desk = {
  invalid: (n: number) => `${n} 处输入无效，未保存`,
  invalidGo: (where: string) => `前往：${where}`,
  views: { side: '并排', table: '全宽' },
  viewTitles: { side: '文档在左、评分表在右，并排查看', table: '评分表占满全宽，按纸质评分表的样式逐项填写' },
  viewsLabel: '评分视图',
  tableCaption: '评分表',
  tableColumns: { item: '评审维度/子项', range: '分值范围', guidance: '评分要点', score: '得分', opinion: '理由/意见' },
  dimensionTotal: (name: string) => `${name}小计`,
  resizeForm: '拖动调整评分栏宽度（获得焦点后也可用 ← / → 键调整）',
  sidebarCollapse: '收起项目列表',
  sidebarExpand: '展开项目列表',
  primary: {
    start: '开始评分',
    startTitle: '打开本项目的评分表',
    complete: '完成评审',
    completeTitle: '检查评分表是否填写完整并完成本项目的评审',
    sign: '签名并导出',
    signTitle: '为已完成的评审签名，并导出签名文件交组织方',
  },
  more: '更多',
  moreTitle: '更多操作',
  counter: (n: number, max: number) => `${n}/${max}`,
  counterOver: (n: number, max: number) => `已超出 ${n - max} 字，最多 ${max} 字`,
};
