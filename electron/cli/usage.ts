// Owns the command line's usage text: one paragraph per command, printed on any usage error (exit 2).

const commandUsages = [
  `  review-desk check <评审包.rpkg 或文件夹> [--json] [--timeout <秒>] [--document-timeout <秒>] [--no-ocr]
  校验评审包（清单格式、文件名安全、每个文件的大小与 SHA-256），并按辖区规则做形式审查；不导入。
  无文字层的扫描页先做文字识别再审查（--no-ocr 不识别，扫描件相关篇章需专家判断）。
  每个文件在独立的受限进程中读取（内存上限、单个文件 --document-timeout 秒，默认 120）；无法读取的文件列出原因，
  相关篇章需专家判断。整个检查上限 --timeout 秒（默认 300），超时未读取的文件逐一列出。
  退出码：0 评审包有效；1 无效；2 用法错误。形式审查的结论不影响退出码。`,
  `  review-desk demo --out <文件夹> [--package <评审包.rpkg>]
  无界面演示专家评审全过程：把样例评审包导入临时数据目录，按作答脚本完成每个项目的评审，
  再把每个内置模板生成 Word 和 PDF、连同评分表（Excel、CSV）写入 <文件夹>，逐行列出文件路径；
  随后用临时签名身份为每个评审签名，把评审结果文件、签名 PDF、DOCX 及其 .sig.json 写入 <文件夹>/签名文件，
  逐个验证并标 ✓/✗。
  然后演示专家组全过程（写入 <文件夹>/专家组）：另两位专家各在自己的临时数据目录中按作答脚本评审、签名并导出评审结果；
  组织方导入评审包和三份评审结果并汇总，逐个项目将专家组意见定稿，三位成员分别签署，组织方导入并核验签名，
  再生成各项目的评审意见函和评分汇总表（Word、PDF、Excel、CSV），每个项目列出平均分、采用值、结论和排序。
  退出码：0 成功；1 失败、任一签名验证未通过或任一评审结果、成员签名未被接受；2 用法错误。`,
  `  review-desk profile check <profile.json> [--json]
  校验辖区规则配置文件（评审包可附带的 profile.json，格式见 docs/profile-format.md）：大小、JSON、字段与类型、
  正则表达式是否可能回溯失控、每条规则的引用是否只引用本办法或国家文件、编号是否重复、评分分值是否相加一致。
  --json 输出 { "ok", "errors": [{ "code", "message", "path" }] }。退出码：0 有效；1 无效；2 用法错误或无法读取文件。`,
  `  review-desk text <评审包.rpkg 或文件夹> [--json] [--no-ocr]
  校验评审包后逐页输出每个文件的文字，与本应用形式审查和全文检索读到的一致（DOCX 按文件记录的分页符分页）；不导入。
  无文字层的扫描页和 PNG/JPEG 图片做文字识别（来源标“文字识别”）；--no-ocr 不识别。无法读取的文件列出原因。
  --json 输出 { "documents": [{ "projectId", "documentId", "title", "pages": [{ "page", "text", "source": "text" | "ocr" }] }] }，
  无法读取的文件另有 "error"。退出码：0 评审包有效；1 无效；2 用法错误。`,
  `  review-desk verify <文件> [--json]
  验证签名文件：PDF（内嵌签名）、DOCX（同目录下的 <文件名>.sig.json 签名文件）或评审结果文件（.rdr.json）。
  显示签名人、证书指纹、签名时间和每项检查。退出码：0 签名有效；1 无效或无法读取；2 用法错误。`,
];

export function usageError(out: (line: string) => void): number {
  out(['用法：', ...commandUsages].join('\n'));
  return 2;
}
