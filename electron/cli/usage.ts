// Owns the command line's usage text: one paragraph per command, printed on any usage error (exit 2).

const commandUsages = [
  `  review-desk check <评审包.rpkg 或文件夹> [--json]
  校验评审包（清单格式、文件名安全、每个文件的大小与 SHA-256），并按辖区规则做形式审查；不导入。
  退出码：0 评审包有效；1 无效；2 用法错误。形式审查的结论不影响退出码。`,
];

export function usageError(out: (line: string) => void): number {
  out(['用法：', ...commandUsages].join('\n'));
  return 2;
}
