# The CDISC pilot's missing-at-random analysis, as examples/cdisc-pilot/study.yaml names it: an MMRM of
# the ADAS-Cog(11) (PARAMCD ACTOT) change from baseline at weeks 8, 16 and 24 (AVISITN), efficacy set
# (ADSL EFFFL = Y), records with ANL01FL = Y and no DTYPE (observed cases, LOCF rows left out);
# CHG ~ arm * AVISIT + BASE * AVISIT, unstructured covariance (corSymm + varIdent), REML (nlme::gls);
# LS means per week and arm and each dose − placebo (emmeans, equal weights, Satterthwaite df, which
# emmeans 1.8.4 computes as "appx-satterthwaite" here); and the same model with heterogeneous Toeplitz
# covariance (corARMA(p = 2) over the week index + varIdent), the plan's endpoint with
# `covariance: [toeplitz-heterogeneous]`; and the unstructured fit with Kenward-Roger standard errors and
# degrees of freedom (`df: kenward-roger`; emmeans has no Kenward-Roger for gls): V and its derivatives in
# the linear parameters sigma_jk over all rows, pbkrtest 0.5.2's vcovAdj_internal and Lb_ddf.
# Run from the repository root: Rscript Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_mmrm.R
suppressPackageStartupMessages({ library(haven); library(nlme); library(emmeans); library(jsonlite); library(pbkrtest) })

adsl <- read_xpt("examples/cdisc-pilot/data/adsl.xpt")
adas <- read_xpt("examples/cdisc-pilot/data/adadas.xpt")
arms <- c("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose")
weeks <- c("Week 8", "Week 16", "Week 24")
efficacy <- adsl[adsl$EFFFL == "Y", c("USUBJID", "TRT01P")]
records <- subset(adas, PARAMCD == "ACTOT" & ANL01FL == "Y" & DTYPE == "" & AVISITN %in% c(8, 16, 24),
                  c("USUBJID", "AVISIT", "CHG", "BASE"))
d <- merge(efficacy, records, by = "USUBJID")
d$arm <- factor(d$TRT01P, levels = arms)
d$AVISIT <- factor(d$AVISIT, levels = weeks)
d$vindex <- as.integer(d$AVISIT)
d <- d[order(d$USUBJID, d$AVISIT), ]
.pilot <<- as.data.frame(d)
estimate <- function(t, column, i) list(estimate = t[[column]][i], se = t$SE[i], df = t$df[i], ciLower = t$lower.CL[i],
                                         ciUpper = t$upper.CL[i], t = t$t.ratio[i], pValue = t$p.value[i])
# emmeans' summary `t` with Kenward-Roger's SE, df, t, p and CI in place of its own (unstructured Sigma).
kenward_roger <- function(fit, object, t) {
  S <- unclass(getVarCov(fit, individual = names(which.max(table(d$USUBJID)))))
  blocks <- split(seq_len(nrow(d)), d$USUBJID)
  spread <- function(M) {
    out <- matrix(0, nrow(d), nrow(d))
    for (rows in blocks) { v <- d$vindex[rows]; out[rows, rows] <- M[v, v, drop = FALSE] }
    out
  }
  X <- model.matrix(CHG ~ arm * AVISIT + BASE * AVISIT, .pilot)
  V <- spread(S)
  Phi <- solve(t(X) %*% solve(V) %*% X)
  G <- unlist(lapply(1:3, function(a) lapply(1:a, function(b) { E <- matrix(0, 3, 3); E[a, b] <- E[b, a] <- 1; spread(E) })), recursive = FALSE)
  PhiA <- pbkrtest:::vcovAdj_internal(Phi, list(Sigma = V, G = G, n.ggamma = length(G)), X)
  L <- object@linfct
  t$SE <- sqrt(apply(L, 1, function(l) sum(l * (as.matrix(PhiA) %*% l))))
  t$df <- apply(L, 1, function(l) pbkrtest:::Lb_ddf(matrix(l, nrow = 1), Phi, PhiA))
  estimate <- if (is.null(t$emmean)) t$estimate else t$emmean
  t$t.ratio <- estimate / t$SE
  t$p.value <- 2 * pt(-abs(t$t.ratio), t$df)
  t$lower.CL <- estimate - qt(0.975, t$df) * t$SE
  t$upper.CL <- estimate + qt(0.975, t$df) * t$SE
  t
}
# The fit with `correlation` (and varIdent by week), its LS means and differences per week.
analysis <- function(correlation, kr = FALSE) {
  fit <- eval(bquote(gls(CHG ~ arm * AVISIT + BASE * AVISIT, data = .pilot, correlation = .(correlation),
                         weights = varIdent(form = ~ 1 | AVISIT), method = "REML")))
  emm <- emmeans(fit, ~ arm | AVISIT, mode = "satterthwaite")
  means <- summary(emm, infer = TRUE)
  contrasts <- contrast(emm, "trt.vs.ctrl", ref = 1, adjust = "none")
  differences <- summary(contrasts, infer = TRUE)
  if (kr) { means <- kenward_roger(fit, emm, means); differences <- kenward_roger(fit, contrasts, differences) }
  list(
    participants = length(unique(d$USUBJID)), observations = nrow(d),
    model = "CHG ~ arm + AVISIT + BASE + arm:AVISIT + AVISIT:BASE",
    visits = lapply(weeks, function(w) {
      at <- d[d$AVISIT == w, ]
      list(visit = w, n = as.list(table(at$arm)), mean = as.list(tapply(at$CHG, at$arm, mean)), sd = as.list(tapply(at$CHG, at$arm, sd)),
           lsMeans = lapply(which(means$AVISIT == w), function(i) estimate(means, "emmean", i)),
           differences = lapply(which(differences$AVISIT == w), function(i) estimate(differences, "estimate", i)))
    }),
    logLik = as.numeric(logLik(fit)))
}
out <- analysis(quote(corSymm(form = ~ vindex | USUBJID)))
out$toeplitz <- analysis(quote(corARMA(p = 2, q = 0, form = ~ vindex | USUBJID)))
out$kenwardRoger <- analysis(quote(corSymm(form = ~ vindex | USUBJID)), kr = TRUE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_mmrm.json")
