# Reference values for TrialStats distributions: Rscript distributions.R -> distributions.json
source("common.R")
cases <- list()
add <- function(kind, args, value) cases[[length(cases) + 1]] <<- list(kind = kind, args = I(args), value = num(value))
for (x in c(-40, -37.5, -20, -8.3, -5, -1.96, -1, -1e-8, 0, 0.3, 1.5, 3, 8, 12, 38)) {
  add("pnorm", x, pnorm(x)); add("pnorm_upper", x, pnorm(x, lower.tail = FALSE))
}
for (p in c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-10))
  add("qnorm", p, qnorm(p))
for (df in c(0.5, 1, 2, 3, 4.5, 7, 17.7764735161785, 30, 100, 1000, 1e5, 5e5, 3e6)) {
  for (t in c(-1e160, -1e6, -80, -30, -12, -4.06, -2, -0.5, 0, 0.1, 1, 1.96, 3.5, 9, 25, 1e5)) {
    add("pt", c(t, df), pt(t, df)); add("pt_upper", c(t, df), pt(t, df, lower.tail = FALSE))
  }
  for (p in c(1e-12, 1e-6, 0.001, 0.025, 0.05, 0.2, 0.5, 0.6, 0.95, 0.975, 0.9995))
    add("qt", c(p, df), qt(p, df))
}
for (df in c(1, 2, 3, 4, 9, 25, 100, 1000)) {
  for (x in c(1e-6, 0.01, 0.5, 1, 2.7, 3.84, 10, 40, 150, 400, 1500, 3000)) {
    add("pchisq", c(x, df), pchisq(x, df)); add("pchisq_upper", c(x, df), pchisq(x, df, lower.tail = FALSE))
  }
}
for (ab in list(c(0.5, 0.5), c(1, 1), c(2, 5), c(0.5, 30), c(30, 0.5), c(50, 60), c(500, 2000), c(1e4, 3e4), c(3, 0.7))) {
  for (x in c(1e-8, 0.001, 0.05, 0.2, 0.5, 0.8, 0.95, 0.999)) {
    add("pbeta", c(x, ab), pbeta(x, ab[1], ab[2])); add("pbeta_upper", c(x, ab), pbeta(x, ab[1], ab[2], lower.tail = FALSE))
  }
  for (p in c(1e-10, 0.025, 0.3, 0.5, 0.975, 1 - 1e-10)) add("qbeta", c(p, ab), qbeta(p, ab[1], ab[2]))
  add("lbeta", ab, lbeta(ab[1], ab[2]))
}
for (a in c(0.5, 1, 3.5, 10, 80, 1000)) for (x in c(0.01, 0.7, 3, 12, 90, 1100)) {
  add("pgamma", c(x, a), pgamma(x, a)); add("pgamma_upper", c(x, a), pgamma(x, a, lower.tail = FALSE))
}
for (mnk in list(c(27, 26, 14), c(10, 8, 9), c(2300, 1700, 2000), c(50000, 50000, 50000))) {
  lo <- max(0, mnk[3] - mnk[2]); hi <- min(mnk[3], mnk[1])
  for (x in unique(round(c(lo, lo + 1, (lo + hi) / 2, hi - 3, hi, lo + (hi - lo) / 5))))
    add("dhyper_log", c(x, mnk), dhyper(x, mnk[1], mnk[2], mnk[3], log = TRUE))
  add("phyper", c(round(lo + (hi - lo) * 0.45), mnk), phyper(round(lo + (hi - lo) * 0.45), mnk[1], mnk[2], mnk[3]))
}
for (mn in list(c(1, 1), c(3, 5), c(10, 7), c(20, 25), c(49, 49), c(12, 40))) {
  for (q in unique(round(c(0, 1, mn[1] * mn[2] / 4, mn[1] * mn[2] / 2, mn[1] * mn[2] - 2)))) {
    add("dwilcox", c(q, mn), dwilcox(q, mn[1], mn[2])); add("pwilcox", c(q, mn), pwilcox(q, mn[1], mn[2]))
  }
}
for (n in c(1, 2, 5, 10, 30, 49)) {
  for (q in unique(round(c(0, 1, n * (n + 1) / 8, n * (n + 1) / 4, n * (n + 1) / 2 - 1)))) {
    add("dsignrank", c(q, n), dsignrank(q, n)); add("psignrank", c(q, n), psignrank(q, n))
  }
}
write_fixture("distributions", cases)
