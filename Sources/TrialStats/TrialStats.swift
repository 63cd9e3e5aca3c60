// The TrialStats module; see README.md.
