// Owns how a finding's rule id is formed (<profile>.<section>.<rule>) and the one constructor every check uses.
import type { Profile } from '../../../../shared/profile';
import type { Evidence, Finding, FindingStatus } from '../../../../shared/precheck';

/** The profile section a rule belongs to; vetoes name rules as `<section>.<id>` (e.g. `red-flag.not-in-annual-plan`). */
export type RuleSection = 'docs' | 'chapter' | 'red-flag' | 'budget' | 'cross-project';

export function makeFinding(
  profile: Pick<Profile, 'id'>,
  section: RuleSection,
  rule: { id: string; citation: string },
  status: FindingStatus,
  message: string,
  evidence: Evidence[] = [],
): Finding {
  return { ruleId: `${profile.id}.${section}.${rule.id}`, status, message, citation: rule.citation, evidence };
}
