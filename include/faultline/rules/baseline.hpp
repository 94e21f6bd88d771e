#pragma once
/// Baselines: accepted findings recorded by fingerprint, so a team fails only on new ones.
#include <string>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/rules/finding.hpp"

namespace faultline::rules {

/// One accepted finding; rule, object and subject are kept so people can read the file.
struct BaselineEntry {
  std::string fingerprint;
  std::string rule;
  std::string object;  ///< ObjectRef::display()
  std::string subject;
};

/// The entries of a baseline file, sorted by rule, object, subject.
struct Baseline {
  std::vector<BaselineEntry> entries;
};

/// What a baseline written from a run records.
enum class BaselineKeep {
  all,            ///< every finding not suppressed otherwise (--write-baseline)
  still_matched,  ///< only the findings the current baseline accepted: its stale entries dropped (--prune-baseline)
};

/// The entries for `findings` (those suppressed by annotation or config are left out;
/// baseline-suppressed ones stay accepted), sorted and unique.
std::vector<BaselineEntry> baseline_entries(const Findings& findings, BaselineKeep keep = BaselineKeep::all);

/// The baseline JSON of `entries`. Deterministic: same entries, same bytes.
std::string baseline_json(const std::vector<BaselineEntry>& entries);
/// baseline_json(baseline_entries(findings)).
std::string baseline_json(const Findings& findings);

/// Writes baseline_json to `path`; a failure becomes an error diagnostic.
bool write_baseline(const std::string& path, const std::vector<BaselineEntry>& entries, Diagnostics& errors);
bool write_baseline(const std::string& path, const Findings& findings, Diagnostics& errors);

/// Reads a baseline file; a missing or malformed file becomes an error diagnostic.
Baseline read_baseline(const std::string& path, Diagnostics& errors);

/// Marks findings in the baseline as suppressed ("baseline") and returns the entries that no
/// finding matched any more (fixed since the baseline was written).
std::vector<BaselineEntry> apply_baseline(const Baseline& baseline, Findings& findings);

}  // namespace faultline::rules
