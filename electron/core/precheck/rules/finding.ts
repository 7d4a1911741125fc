// Owns how a finding's rule id is formed (<profile>.<section>.<rule>) and the one constructor every check uses.
import type { Profile } from '../../../../shared/profile';
import { isReferencePractice, referencePracticeNote, type Evidence, type Finding, type FindingStatus } from '../../../../shared/precheck';

/** The profile section a rule belongs to; vetoes name rules as `<section>.<id>` (e.g. `red-flag.not-in-annual-plan`). */
export type RuleSection = 'docs' | 'chapter' | 'red-flag' | 'budget' | 'cross-project';

/**
 * A rule cited `参考做法（本区办法未作规定）` is not the session's regulation: whatever it did not pass on becomes
 * `reference` (参考做法) with a message that says so, never `fail` or `judge`.
 */
export function makeFinding(
  profile: Pick<Profile, 'id'>,
  section: RuleSection,
  rule: { id: string; citation: string },
  status: FindingStatus,
  message: string,
  evidence: Evidence[] = [],
): Finding {
  const ruleId = `${profile.id}.${section}.${rule.id}`;
  if (isReferencePractice(rule.citation) && status !== 'pass') {
    return { ruleId, status: 'reference', message: `${referencePracticeNote}${message}`, citation: rule.citation, evidence };
  }
  return { ruleId, status, message, citation: rule.citation, evidence };
}
