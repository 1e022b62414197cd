/// The ranges numbers in a glossary are read into. They are wide enough for any real
/// agreement and narrow enough that sums, conversions and the scoring core's 32-bit scores
/// can never overflow: a value outside its field's range is a `glossary.out-of-range`
/// diagnostic at the value, so no rule sees it and no config carries it.
enum NumberLimits {
  /// Any whole number without a range of its own: orders, days, tiers, probabilities (whose
  /// 0–100 is a rule, so the finding can say why).
  static let wholeNumber: ClosedRange<Int> = -1_000_000_000...1_000_000_000
  /// Any number without a range of its own: company sizes, revenue, quantities.
  static let number: ClosedRange<Double> = -1e15...1e15
  /// What one scoring rule awards or removes. Ten thousand rules at the limit still sum to a
  /// score the scoring core holds in 32 bits.
  static let points: ClosedRange<Int> = -10_000...10_000
  /// Scores: caps, floors, thresholds and fit gates.
  static let score: ClosedRange<Int> = -1_000_000...1_000_000
  /// How often a rule may fire per period (the scoring core counts firings in 16 bits).
  static let frequency: ClosedRange<Int> = 0...65_535
  /// The amount of a duration, in its unit: 100 000 business days is already 400 years.
  static let durationAmount: ClosedRange<Double> = 0...100_000
  /// A persona's years of experience: a working life, never negative.
  static let experienceYears: ClosedRange<Int> = 0...80
  /// Days after which a deal stage counts as stale: at least a day, at most ten years.
  static let staleAfterDays: ClosedRange<Int> = 1...3650
}
