// The TrialSimulation module; see README.md.
