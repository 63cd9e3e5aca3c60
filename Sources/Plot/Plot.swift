// The Plot module; see README.md.
