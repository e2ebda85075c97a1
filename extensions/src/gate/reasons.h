// The plain words of every verdict: each string a BenchmarkAnalysis carries in
// `reasons` is built here, so that the runner, benchgate-diff and benchgate-ab
// say the same thing the same way. (A budget finding's own words come from
// CheckBudget, a tolerance's from ToleranceFor and ToleranceOf.)
#ifndef BENCHGATE_GATE_REASONS_H_
#define BENCHGATE_GATE_REASONS_H_

#include <cstddef>
#include <string>

#include "gate/verdict.h"
#include "model/sample_set.h"

namespace benchgate {

// "errored: checksum mismatch"; a skip's message as it stands ("no GPU on
// this machine"): reports print it after the status.
std::string ErroredReason(const SampleSet& samples);

// "unstable: noise 7.1% above the 5.0% limit (CV 9.3%, 2 slow samples set
// aside)": the judged metric's noise, and its CV as the tables show it.
std::string UnstableReason(const MetricStats& judged, double max_cv);

// "nothing measured: 0.1 ns per iteration is less than one CPU cycle; ..."
std::string OptimisedAwayReason(double ns);

std::string NotInBaselineReason();  // added
std::string BaselineOnlyReason();   // removed
std::string NoBaselineSamplesReason();

// "too few samples (3 baseline, 10 candidate; need 5 each)"
std::string TooFewSamplesReason(std::size_t kept_before, std::size_t kept_after,
                                std::size_t min_samples);

// "too few rounds: 5 with both sides measured; need 6"
std::string TooFewRoundsReason(std::size_t paired, std::size_t needed);

// "unstable: most samples of the baseline are slow (...)"
std::string MostlySlowReason(bool baseline);

// "unstable: noise of the candidate 7.1% above the 5.0% limit"
std::string NoisySideReason(bool baseline, double spread, double max_cv);

// "+7.9% [+6.1%, +9.8%], p=0.0004 adj 0.003 > tolerance 5.0%": the
// Hodges-Lehmann relative shift with its CI, then the test; `relation`
// joins the test to the tolerance.
std::string Evidence(const Comparison& c, const char* relation);

// Evidence beyond the tolerance whose interval reaches back inside it.
std::string StraddlesReason(const std::string& evidence);

// "set aside as interference: ...": what the decision did not judge; "" when
// nothing was set aside.
std::string SetAsideNote(const Comparison& c);

// "24.0% slower" or "12.0% faster": the machine's change between two runs.
std::string MachineSpeedWords(double change);

// "machine 24.0% slower than for the baseline (speed probe): a change this
// size cannot be told from the code's": why a time verdict was not trusted.
std::string MachineSpeedReason(double change);

// "stands although the machine ran 24.0% slower: beyond twice that and the
// tolerance": a regression too large for the machine's shift to explain.
std::string MachineSpeedStandsReason(double change);

// "+3.0% [+1.0%, +5.0%] against the history's centre; tolerance ..."
std::string HistoryEvidence(const Comparison& c, const std::string& tolerance);

// "not judged against history: static 5% (only 3 runs of history, need 5)"
std::string NotJudgedAgainstHistoryReason(const std::string& tolerance);

// What extra rounds did to a benchmark measured again.
enum class AfterRounds {
  kConfirmed,       // a suspect still failing
  kCleared,         // a suspect no longer failing
  kStillUndecided,  // any other still inconclusive
  kDecided,         // any other, now decided
};

// "confirmed after 2 extra rounds", "cleared after 1 extra round: the first
// verdict did not hold", ...
std::string AfterRoundsReason(AfterRounds outcome, int extra_rounds);

// Sequential rounds: "decided at round 8 of at most 30: the p-value allows
// for every look; an early stop's estimate leans away from zero".
std::string DecidedEarlyReason(int round, int last_look);
// "unchanged at round 6 of at most 30: 6 of 6 rounds below +2.0%, no
// regression beyond the tolerance (sign test, at most 5.0% wrong across the
// looks)"; for a rate, "above -2.0%".
std::string NoRegressionReason(int round, int last_look, std::size_t short_of, std::size_t rounds,
                               double tolerance, double false_quiet, bool higher_is_better);
// "still open after round 9 of at most 30: the rounds ended before a look
// decided it".
std::string StillOpenReason(int round, int last_look);
// "a suspect: its estimate beyond the 2.0% tolerance at round 30, the last
// look, so looked at to round 60 by the regression test alone".
std::string SuspectReason(int last_look, int suspect_look, double tolerance);
// "undecided at round 60, its last: its estimate came back within the 2.0%
// tolerance, but its interval still reaches beyond it".
std::string SuspectUnsettledReason(int round, double tolerance);
// "stopped at round 7 of at most 30: the baseline's noise above the 5.0%
// limit in 7 of 7 rounds, more rounds would not settle it (sign test, at
// most 20.0% wrong across the looks)".
std::string NoisyStopReason(int round, int last_look, bool baseline, std::size_t noisy,
                            std::size_t rounds, double max_cv, double false_noisy);
// "stopped at round 12 of at most 30: too noisy to decide at the 2.0%
// tolerance; its interval, narrowed to round 30's width, would still reach
// +-3.6%: about 43 rounds could decide it (benchgate-ab --max-rounds 43)",
// or, when `rounds_needed` is beyond `most_rounds` (what a run may take),
// "...: more than the 100 rounds a run may take (count instructions:
// benchgate-ab --measure instructions)".
std::string FutileStopReason(int round, int last_look, double tolerance, double reach,
                             std::size_t rounds_needed, std::size_t most_rounds);
// "2 of 14 rounds set aside as bursts over a whole process (|d| above 5x
// their median): the test and the interval use the other 12".
std::string BurstRoundsReason(std::size_t set_aside, std::size_t rounds, double factor);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_REASONS_H_
