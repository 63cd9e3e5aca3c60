// The TrialAnalysis module; see README.md.
