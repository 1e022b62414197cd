import SamePageScoring

/// The glossary stays within what the scoring core can run: at most 32 thresholds, and fewer
/// lifecycle stages than the core counts in 16 bits.
///
/// The core records fired thresholds as bits of a 32-bit word and a lead's stage in 16 bits;
/// `emit-config` refuses a glossary past either. Check says so first, at the place to change,
/// so a glossary that passes check always emits.
///
/// Fails: a `thresholds:` list with 33 entries.
public struct CoreLimits: GlossaryRule {
  public static let id = "scoring.core-limits"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let thresholds = glossary.scoring.thresholds
    let maximum = ScoringConfig.maximumThresholds
    if thresholds.count > maximum {
      findings.report(
        at: thresholds[maximum].location,
        "lead scoring has \(thresholds.count) thresholds; the scoring core handles at most \(maximum)",
        fix: "merge thresholds to at most \(maximum)")
    }
    let stages = glossary.lifecycle.stages
    let maximumStages = ScoringConfig.maximumLifecycleStages
    if stages.count > maximumStages {
      findings.report(
        at: stages[maximumStages].location,
        "the lifecycle has \(stages.count) stages; the scoring core handles at most \(maximumStages)",
        fix: "use at most \(maximumStages) stages")
    }
  }
}
