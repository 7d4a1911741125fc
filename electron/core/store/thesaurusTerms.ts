// Owns the domain thesaurus's data: groups of words experts and proposals use for the same thing (每组互为同义，检索一个即检索全组).
//
// Kept as data, one group a line, so a reviewer can add a pair without reading code. Sources: the names in the
// regulations the profiles cite (GB/T 22239 等级保护, GB/T 39786 密码应用, 国办发〔2019〕57号 政务云 / 电子政务外网) and
// the abbreviations used in proposals and review meetings.
export const thesaurusGroups: readonly (readonly string[])[] = [
  ['等保', '等级保护', '网络安全等级保护', '信息安全等级保护'],
  ['等保测评', '等级测评', '等级保护测评'],
  ['密评', '商用密码应用安全性评估', '密码应用安全性评估', '密码测评'],
  ['可研', '可行性研究报告', '可行性研究'],
  ['初设', '初步设计'],
  ['政务云', '政务云平台', '电子政务云'],
  ['电子政务外网', '政务外网'],
  ['电子政务内网', '政务内网'],
  ['信创', '信息技术应用创新'],
  ['国产密码', '商用密码', '商密'],
  ['数据共享交换平台', '共享交换平台', '数据交换平台'],
  ['政务信息资源目录', '数据资源目录', '信息资源目录'],
  ['运维', '运行维护'],
  ['一网通办', '政务服务一网通办'],
  ['统一身份认证', '统一认证'],
  ['后评价', '后评估'],
];
