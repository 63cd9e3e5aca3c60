# The seed study's supportive analyses (examples/uc-msc-t1d, built-in profile), all participants:
# - ANCOVA of log(C-peptide + 1) at month 12 (CPEPF fasting, CPEPP postprandial; pmol/L) adjusted for
#   log(baseline + 1): lm(y ~ arm + base), LS means by arm and UC-MSC - Control (emmeans), each
#   back-transformed: exp(LS mean) - 1 and the ratio of geometric means exp(difference) with its CI;
# - MMRM of log(C-peptide + 1) over months 3, 6, 9, 12: y ~ arm * AVISIT + base * AVISIT,
#   unstructured covariance (corSymm + varIdent by visit), REML (nlme::gls, tight tolerances),
#   LS means per visit and arm and UC-MSC - Control (emmeans, Satterthwaite df), and for each difference
#   the exact Satterthwaite df with its p and CI (numDeriv, as TrialStats' mmrm_satterthwaite.R);
# - IDAA1c = HBA1C (%) + 4 * INSDOSE (IU/kg/day) at months 3, 6, 9, 12; partial remission IDAA1c <= 9,
#   a participant without IDAA1c at the visit a non-responder: per arm responders of n with the Wilson
#   interval (prop.test(correct = FALSE)), UC-MSC - Control by Newcombe's hybrid score interval,
#   fisher.test's p and odds ratio, the Katz relative risk (effect_estimates.R).
# Run from the repository root: Rscript Tests/TrialAnalysisTests/Fixtures/seed_supportive.R
suppressPackageStartupMessages({ library(nlme); library(emmeans); library(jsonlite); library(numDeriv) })
source("Tests/TrialAnalysisTests/Fixtures/effect_estimates.R")

adsl <- read.csv("examples/uc-msc-t1d/adsl.csv", stringsAsFactors = FALSE)
adlb <- read.csv("examples/uc-msc-t1d/adlb.csv", stringsAsFactors = FALSE)
arms <- c("Control", "UC-MSC")
visits <- c(3, 6, 9, 12)
value <- function(code, month) {
  r <- adlb[adlb$PARAMCD == code & adlb$AVISITN == month, ]
  r$AVAL[match(adsl$USUBJID, r$USUBJID)]
}
offset <- 1
estimate <- function(t, column, i) list(estimate = t[[column]][i], se = t$SE[i], df = t$df[i], ciLower = t$lower.CL[i],
                                         ciUpper = t$upper.CL[i], t = t$t.ratio[i], pValue = t$p.value[i])
back <- function(e, f) list(estimate = f(e$estimate), ciLower = f(e$ciLower), ciUpper = f(e$ciUpper))

ancova <- function(code) {
  d <- data.frame(arm = factor(adsl$ARM, levels = arms), y = log(value(code, 12) + offset), base = log(value(code, 0) + offset))
  fit <- lm(y ~ arm + base, d)
  emm <- emmeans(fit, ~ arm)
  m <- summary(emm, infer = TRUE)
  k <- summary(contrast(emm, "trt.vs.ctrl", ref = 1, adjust = "none"), infer = TRUE)
  means <- lapply(seq_along(arms), function(i) estimate(m, "emmean", i))
  difference <- estimate(k, "estimate", 1)
  list(parameter = code, n = nrow(model.frame(fit)),
       lsMeans = means, backTransformed = lapply(means, back, function(x) exp(x) - offset),
       difference = difference, ratio = back(difference, exp))
}

# The exact Satterthwaite df of each row of `linfct` (emmeans' own are "appx-satterthwaite", from
# nlme's finite-difference apVar): the REML log-likelihood written out over the unstructured
# covariance's Cholesky factor (log diagonal), its Hessian and the Jacobian of Cov(beta) by numDeriv,
# nu = 2 (l'Cl)^2 / (g'Wg) with W = (-Hessian)^-1, as Tests/TrialStatsTests/Fixtures/mmrm_satterthwaite.R.
exact_satterthwaite <- function(fit, d, linfct) {
  X <- model.matrix(formula(fit), d)
  t <- nlevels(d$AVISIT)
  blocks <- split(seq_len(nrow(d)), d$USUBJID)
  full <- unclass(getVarCov(fit, individual = names(which.max(table(d$USUBJID)))))
  L <- t(chol(full))
  theta_hat <- unlist(lapply(1:t, function(a) sapply(1:a, function(b) if (a == b) log(L[a, a]) else L[a, b])))
  sigma_of <- function(theta) {
    L <- matrix(0, t, t); k <- 1
    for (a in 1:t) for (b in 1:a) { L[a, b] <- if (a == b) exp(theta[k]) else theta[k]; k <- k + 1 }
    L %*% t(L)
  }
  parts <- function(theta) {
    S <- sigma_of(theta)
    H <- 0; b <- 0; logdet <- 0; yvy <- 0
    for (rows in blocks) {
      v <- d$vindex[rows]; A <- solve(S[v, v, drop = FALSE]); Xi <- X[rows, , drop = FALSE]; yi <- d$y[rows]
      H <- H + t(Xi) %*% A %*% Xi; b <- b + t(Xi) %*% A %*% yi
      logdet <- logdet + as.numeric(determinant(S[v, v, drop = FALSE])$modulus); yvy <- yvy + sum(yi * (A %*% yi))
    }
    C <- solve(H); beta <- C %*% b
    list(C = C, reml = -0.5 * (logdet + as.numeric(determinant(H)$modulus) + yvy - sum(b * beta)))
  }
  W <- solve(-hessian(function(theta) parts(theta)$reml, theta_hat))
  C <- parts(theta_hat)$C
  G <- jacobian(function(theta) as.vector(parts(theta)$C), theta_hat)
  apply(linfct, 1, function(l) {
    g <- apply(G, 2, function(column) sum(l * (matrix(column, ncol(X)) %*% l)))
    2 * sum(l * (C %*% l))^2 / sum(g * (W %*% g))
  })
}

mmrm <- function(code) {
  long <- do.call(rbind, lapply(visits, function(v) data.frame(
    USUBJID = adsl$USUBJID, arm = adsl$ARM, month = v, y = log(value(code, v) + offset), base = log(value(code, 0) + offset))))
  long <- long[!is.na(long$y) & !is.na(long$base), ]
  long$arm <- factor(long$arm, levels = arms)
  long$AVISIT <- factor(paste("visit", long$month), levels = paste("visit", visits))
  long$vindex <- as.integer(long$AVISIT)
  long <- long[order(long$USUBJID, long$vindex), ]
  .long <<- long
  fit <- gls(y ~ arm * AVISIT + base * AVISIT, data = .long, correlation = corSymm(form = ~ vindex | USUBJID),
             weights = varIdent(form = ~ 1 | AVISIT), method = "REML",
             control = glsControl(tolerance = 1e-12, msTol = 1e-12, msMaxIter = 500, maxIter = 500))
  emm <- emmeans(fit, ~ arm | AVISIT, mode = "satterthwaite")
  m <- summary(emm, infer = TRUE)
  contrasts <- contrast(emm, "trt.vs.ctrl", ref = 1, adjust = "none")
  k <- summary(contrasts, infer = TRUE)
  exact <- exact_satterthwaite(fit, long, contrasts@linfct)
  list(parameter = code, participants = length(unique(long$USUBJID)), observations = nrow(long), logLik = as.numeric(logLik(fit)),
       visits = lapply(paste("visit", visits), function(v) {
         means <- lapply(which(m$AVISIT == v), function(i) estimate(m, "emmean", i))
         i <- which(k$AVISIT == v)
         difference <- estimate(k, "estimate", i)
         half <- qt(0.975, exact[i]) * k$SE[i]
         list(lsMeans = means, backTransformed = lapply(means, back, function(x) exp(x) - offset),
              difference = difference, ratio = back(difference, exp),
              exact = list(df = exact[i], pValue = 2 * pt(-abs(k$t.ratio[i]), exact[i]),
                           ciLower = k$estimate[i] - half, ciUpper = k$estimate[i] + half))
       }))
}

newcombe <- function(x1, n1, x2, n2) {
  w1 <- prop.test(x1, n1, correct = FALSE)$conf.int; w2 <- prop.test(x2, n2, correct = FALSE)$conf.int
  p1 <- x1 / n1; p2 <- x2 / n2; e <- p1 - p2
  list(estimate = e, ciLower = e - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), ciUpper = e + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
remission <- function(month) {
  idaa1c <- value("HBA1C", month) + 4 * value("INSDOSE", month)
  responder <- !is.na(idaa1c) & idaa1c <= 9
  x <- sapply(c("UC-MSC", "Control"), function(a) sum(responder[adsl$ARM == a]))
  n <- sapply(c("UC-MSC", "Control"), function(a) sum(adsl$ARM == a))
  list(visit = month, idaa1c = sum(!is.na(idaa1c)),
       byArm = lapply(1:2, function(k) {
         w <- prop.test(x[k], n[k], correct = FALSE)$conf.int
         list(n = unname(n[k]), responders = unname(x[k]), missing = sum(is.na(idaa1c[adsl$ARM == names(x)[k]])),
              ciLower = w[1], ciUpper = w[2])
       }),
       difference = newcombe(x[1], n[1], x[2], n[2]),
       pValue = fisher.test(matrix(c(x[1], n[1] - x[1], x[2], n[2] - x[2]), 2, byrow = TRUE))$p.value,
       relativeRisk = relativeRisk(x[[1]], n[[1]], x[[2]], n[[2]]), oddsRatio = oddsRatio(x[[1]], n[[1]], x[[2]], n[[2]]))
}

out <- list(ancova = lapply(c("CPEPF", "CPEPP"), ancova), mmrm = lapply(c("CPEPF", "CPEPP"), mmrm),
            remission = lapply(visits, remission))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Tests/TrialAnalysisTests/Fixtures/seed_supportive.json")
