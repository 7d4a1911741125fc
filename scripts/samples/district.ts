// Owns the place-specific facts a sample document cites: the district's cloud, network, data platform, mobile portal and regulation.

export interface District {
  /** 武隆区 / 东河区 */
  name: string;
  /** e.g. 重庆市武隆区 — used where the full administrative name reads better. */
  fullName: string;
  cloud: string;
  extranet: string;
  dataPlatform: string;
  /** The city/province mobile government portal new services must ride on instead of a standalone APP. */
  mobilePortal: string;
  regulation: string;
  dataBureau: string;
  /** Policy documents every proposal in the district cites as 建设依据. */
  basis: string[];
}

export const wulong: District = {
  name: '武隆区',
  fullName: '重庆市武隆区',
  cloud: '武隆区政务云平台',
  extranet: '武隆区电子政务外网',
  dataPlatform: '武隆区城市大数据资源中心（区级共享交换节点）',
  mobilePortal: '“渝快办”移动端',
  regulation: '《武隆区政务信息化项目管理办法》（武隆府办发〔2022〕47号）',
  dataBureau: '重庆市武隆区大数据发展局',
  basis: [
    '《国务院办公厅关于印发国家政务信息化项目建设管理办法的通知》（国办发〔2019〕57号）',
    '《国务院关于加强数字政府建设的指导意见》（国发〔2022〕14号）',
    '《重庆市数字政府建设“十四五”规划》',
    '《武隆区政务信息化项目管理办法》（武隆府办发〔2022〕47号）',
    '《信息安全技术 网络安全等级保护基本要求》（GB/T 22239-2019）',
    '《信息安全技术 信息系统密码应用基本要求》（GB/T 39786-2021）',
  ],
};

export const donghe: District = {
  name: '东河区',
  fullName: '包头市东河区',
  cloud: '包头市政务云平台',
  extranet: '东河区电子政务外网',
  dataPlatform: '东河区政务数据共享交换平台',
  mobilePortal: '“蒙速办”移动端',
  regulation: '《东河区政务信息化项目建设管理办法（试行）》',
  dataBureau: '包头市东河区政务服务与数据管理局',
  basis: [
    '《国务院办公厅关于印发国家政务信息化项目建设管理办法的通知》（国办发〔2019〕57号）',
    '《国务院关于加强数字政府建设的指导意见》（国发〔2022〕14号）',
    '《内蒙古自治区“十四五”数字政府建设规划》',
    '《东河区政务信息化项目建设管理办法（试行）》',
    '《信息安全技术 网络安全等级保护基本要求》（GB/T 22239-2019）',
  ],
};
