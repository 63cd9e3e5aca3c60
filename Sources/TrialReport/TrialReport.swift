// The TrialReport module; see README.md.
