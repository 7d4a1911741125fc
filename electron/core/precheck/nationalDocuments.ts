// Owns the one list of national documents (国家层面的法律、法规和文件) a profile may cite besides its own regulation.
//
// A rule's citation names the regulation it rests on. A district profile cites its own 办法 (`citeAs`, or the full
// `regulation`) — never another district's — and may cite these national documents, which every district's 办法
// itself rests on or names: the national 办法 (国办发〔2019〕57号) that 武隆 第一条 implements and all five follow in
// substance; the 政府投资条例 that 达拉特 第五条 applies; the laws on network security, data security, cryptography
// and personal information that 东河 第二十条, 达拉特 第十一条, 武隆 第十七条 and 泰州 第11–12条 require projects to
// follow; and 政务信息系统定义和范围 (GB/T 40692-2021), which 达拉特 第二条 and 武隆 第二条 use to define a project.
// Add a document here only when a regulation names it.

/** Each document by the names a citation may use (short title first). */
export const nationalDocuments: readonly { name: string; aliases: readonly string[] }[] = [
  { name: '国家政务信息化项目建设管理办法', aliases: ['国家政务信息化项目建设管理办法（国办发〔2019〕57号）', '国办发〔2019〕57号'] },
  { name: '政府投资条例', aliases: ['政府投资条例（国务院令第712号）'] },
  { name: '中华人民共和国网络安全法', aliases: ['网络安全法'] },
  { name: '中华人民共和国数据安全法', aliases: ['数据安全法'] },
  { name: '中华人民共和国密码法', aliases: ['密码法'] },
  { name: '中华人民共和国个人信息保护法', aliases: ['个人信息保护法'] },
  { name: '政务信息系统定义和范围', aliases: ['政务信息系统定义和范围（GB/T 40692-2021）', 'GB/T 40692-2021'] },
];

const names = new Set(nationalDocuments.flatMap((d) => [d.name, ...d.aliases]));

/** Whether a citation's document name is one of the national documents. */
export function isNationalDocument(name: string): boolean {
  return names.has(name.trim());
}
