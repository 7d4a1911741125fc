// Test helper: the five district regulations (the name citations use, and the words that name each district: short
// name and city), and finding another district's words in a text (issue 12: every citation cites only its own).

export const regulations = {
  donghe: { citeAs: '东河区政务信息化项目建设管理办法', names: ['东河', '包头'] },
  dalate: { citeAs: '达拉特旗数字城市建设项目管理办法', names: ['达拉特', '鄂尔多斯'] },
  shuocheng: { citeAs: '朔州市朔城区政务信息化项目建设应用管理办法', names: ['朔城', '朔州'] },
  wulong: { citeAs: '武隆区政务信息化项目管理办法', names: ['武隆', '重庆'] },
  'taizhou-gaogang': { citeAs: '泰州医药高新区（高港区）区级政务信息化项目建设管理办法', names: ['泰州', '高港'] },
} as const;
export type District = keyof typeof regulations;
export const districts = Object.keys(regulations) as District[];

/** The district words in `text` that belong to a district other than `own` (every district's for `national`). */
export function foreignNames(text: string, own: string): string[] {
  return districts.filter((d) => d !== own).flatMap((d) => regulations[d].names.filter((n) => text.includes(n)));
}
