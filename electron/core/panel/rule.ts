// Owns reading the aggregation rule in force (汇总规则) from a jurisdiction profile.
import type { Profile } from '../../../shared/profile';
import type { AggregationRule } from '../../../shared/panelAggregate';

/** The profile's `aggregation` as the rule aggregateProject / aggregateSession take (defaults filled by the profile schema). */
export function profileRule(profile: Profile): AggregationRule {
  const { trimAtLeast, deviationShare, approved, decimals } = profile.aggregation;
  return { trimAtLeast, deviationShare, approved, decimals };
}
