# Reference values for TrialStats repeated-measures models (MixedModelTests): nlme::gls with REML
# (unstructured: corSymm + varIdent; compound symmetry: corCompSymm; AR(1): corAR1 over the visit
# index; heterogeneous Toeplitz: corARMA(p = T - 1) over the visit index + varIdent, an AR(T - 1)
# correlation spanning every positive definite Toeplitz correlation of T visits) and emmeans (LS means per visit and arm, each arm − the reference per visit, adjust = "none",
# mode = "satterthwaite", which emmeans 1.8.4 runs as "appx-satterthwaite" for these fits).
# Run from this folder:  Rscript mmrm.R   (writes mmrm.json; needs nlme, emmeans, haven, jsonlite;
# reads the CDISC pilot's ADADAS from examples/). Each case holds its rows so the Swift tests need
# neither R nor the XPT file.
source("common.R")
suppressPackageStartupMessages({ library(nlme); library(emmeans); library(haven) })

num_vec <- function(v) I(unname(as.numeric(v)))

# emmeans' weights for `w`: "proportional" as the frequencies of the other factor's (SITE's) levels
# among the rows fitted (SAS's OM), given as numbers: emmeans 1.8.4's own "proportional" weighs a gls
# fit's rows by its varIdent weights (1 / relative SD), which TrialStats does not.
lsm_weights_of <- function(w, data) if (w == "proportional") as.numeric(table(data$SITE)) else w

# Fits `formula` (response y, visit factor VISIT, subject SUBJECT) with `structure` and returns the case.
mmrm_case <- function(name, note, data, terms, structure, fallbacks, lsm_weights = "equal", factors = "TRT") {
  data <- data[!is.na(data$y), ]   # missing visits are absent rows (emmeans' gradient needs complete rows)
  data$vindex <- as.integer(data$VISIT)
  .mmrm_data <<- data
  labels <- vapply(terms, paste, "", collapse = ":")
  formula <- as.formula(paste("y ~", paste(labels, collapse = " + ")))
  # The structures go into the call itself: emmeans refits the call for its Satterthwaite df.
  correlation <- switch(structure,
    unstructured = quote(corSymm(form = ~ vindex | SUBJECT)),
    compoundSymmetry = quote(corCompSymm(form = ~ 1 | SUBJECT)),
    autoregressive = quote(corAR1(form = ~ vindex | SUBJECT)),
    toeplitzHeterogeneous = bquote(corARMA(p = .(nlevels(data$VISIT) - 1L), q = 0, form = ~ vindex | SUBJECT)))
  weights <- if (structure %in% c("unstructured", "toeplitzHeterogeneous")) quote(varIdent(form = ~ 1 | VISIT)) else NULL
  fit <- eval(bquote(gls(.(formula), data = .mmrm_data, correlation = .(correlation), weights = .(weights),
                         method = "REML", na.action = na.omit, control = glsControl(tolerance = 1e-10, msMaxIter = 500))))
  coefs <- coef(fit)
  counts <- table(data$SUBJECT[!is.na(data$y)])
  fullest <- names(counts)[which.max(counts)]   # getVarCov gives the block of this participant's visits
  covariance <- unclass(getVarCov(fit, individual = fullest))
  covariance_visits <- as.character(data$VISIT[data$SUBJECT == fullest & !is.na(data$y)])
  means <- lapply(lsm_weights, function(w) {
    emm <- emmeans(fit, as.formula(paste("~", factors, "| VISIT")), weights = lsm_weights_of(w, data), mode = "satterthwaite")
    s <- summary(emm, infer = c(TRUE, TRUE))
    dsum <- summary(contrast(emm, "trt.vs.ctrl", ref = 1, adjust = "none"), infer = c(TRUE, TRUE))
    table <- function(t, estimate, level) list(visit = I(as.character(t$VISIT)), level = I(as.character(level)),
      estimate = num_vec(t[[estimate]]), se = num_vec(t$SE), df = num_vec(t$df), t = num_vec(t$t.ratio),
      p = num_vec(t$p.value), lower = num_vec(t$lower.CL), upper = num_vec(t$upper.CL))
    list(weights = w, means = table(s, "emmean", s[[factors]]), differences = table(dsum, "estimate", dsum$contrast))
  })
  rows <- !is.na(data$y)
  variables <- lapply(setdiff(names(data), c("y", "SUBJECT", "VISIT", "vindex")), function(v) {
    x <- data[[v]]
    if (is.factor(x)) list(name = v, type = "factor", labels = I(as.character(x)), levels = I(levels(x)))
    else list(name = v, type = "numeric", values = num_vec(x))
  })
  list(name = name, note = note, formula = deparse(formula, width.cutoff = 500L), structure = structure,
       fallbacks = I(fallbacks), visits = I(levels(data$VISIT)), subject = I(as.character(data$SUBJECT)),
       visit = I(as.character(data$VISIT)), response = num_vec(data$y), variables = variables,
       terms = lapply(terms, I), observations = sum(rows), subjects = length(unique(data$SUBJECT[rows])),
       logLik = as.numeric(logLik(fit)),
       coefficients = list(names = I(names(coefs)), estimate = num_vec(coefs), se = num_vec(sqrt(diag(vcov(fit))))),
       covarianceVisits = I(covariance_visits), covariance = lapply(seq_len(nrow(covariance)), function(i) num_vec(covariance[i, ])),
       leastSquaresMeans = means)
}

cases <- list()

# 1-3. The CDISC pilot's missing-at-random analysis: ADAS-Cog(11) (PARAMCD ACTOT) change from baseline
#      at weeks 8, 16 and 24, efficacy population (EFFFL = Y), ANL01FL = Y, observed rows only (DTYPE
#      blank); CHG ~ TRT * VISIT + BASE * VISIT; unstructured, compound symmetry, AR(1).
adas <- read_xpt("../../../examples/cdisc-pilot/data/adadas.xpt")
rows <- subset(adas, PARAMCD == "ACTOT" & EFFFL == "Y" & ANL01FL == "Y" & DTYPE == "" & AVISITN %in% c(8, 16, 24))
pilot <- data.frame(SUBJECT = rows$USUBJID, VISIT = factor(rows$AVISIT, levels = c("Week 8", "Week 16", "Week 24")),
                    y = rows$CHG, TRT = factor(rows$TRTPN, levels = c(0, 54, 81)), BASE = rows$BASE)
pilot <- pilot[order(pilot$SUBJECT, pilot$VISIT), ]
terms <- list("TRT", "VISIT", "BASE", c("TRT", "VISIT"), c("VISIT", "BASE"))
note <- "PARAMCD ACTOT, AVISITN 8/16/24, EFFFL = ANL01FL = Y, DTYPE blank; CHG ~ TRT * VISIT + BASE * VISIT"
cases[[1]] <- mmrm_case("cdisc_pilot_unstructured", note, pilot, terms, "unstructured", c("unstructured"))
cases[[2]] <- mmrm_case("cdisc_pilot_compound_symmetry", note, pilot, terms, "compoundSymmetry", c("compoundSymmetry"))
cases[[3]] <- mmrm_case("cdisc_pilot_ar1", note, pilot, terms, "autoregressive", c("autoregressive"))

# 4. Simulated: 90 participants, two arms, three sites, four visits, intermittent missing visits and
#    dropout; y ~ TRT * VISIT + BASE * VISIT + SITE; equal and proportional weights over the sites.
set.seed(20261202)
n <- 90
subjects <- sprintf("S%03d", seq_len(n))
trt <- sample(c("Placebo", "Active"), n, replace = TRUE)
site <- sample(c("North", "South", "West"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
base <- round(rnorm(n, 30, 6), 1)
sigma <- 4 * outer(1:4, 1:4, function(a, b) 0.6^abs(a - b)) * outer(sqrt(1:4), sqrt(1:4))
sim <- do.call(rbind, lapply(seq_len(n), function(i) {
  e <- as.numeric(t(chol(sigma)) %*% rnorm(4))
  y <- round(-0.1 * base[i] + (trt[i] == "Active") * c(-0.5, -1, -1.5, -2) + c(3, 3.5, 4, 4.5) + (site[i] == "South") + e, 2)
  drop <- sample(2:5, 1, prob = c(0.05, 0.1, 0.15, 0.7))
  if (drop <= 4) y[drop:4] <- NA
  y[runif(4) < 0.08] <- NA
  data.frame(SUBJECT = subjects[i], VISIT = paste("Visit", 1:4), y = y, TRT = trt[i], SITE = site[i], BASE = base[i])
}))
sim$VISIT <- factor(sim$VISIT, levels = paste("Visit", 1:4))
sim$TRT <- factor(sim$TRT, levels = c("Placebo", "Active"))
sim$SITE <- factor(sim$SITE)
cases[[4]] <- mmrm_case("simulated_missing_visits", "90 participants (set.seed(20261202)), dropout and intermittent gaps; y ~ TRT * VISIT + BASE * VISIT + SITE",
  sim, list("TRT", "VISIT", "BASE", "SITE", c("TRT", "VISIT"), c("VISIT", "BASE")), "unstructured", c("unstructured"),
  lsm_weights = c("equal", "proportional"))

# 5. Unstructured cannot be fitted: visits 1 and 3 are never observed in the same participant, so
#    their covariance is not estimable; the fallback compound symmetry is fitted (R: corCompSymm).
set.seed(7)
m <- 40
gap <- do.call(rbind, lapply(seq_len(m), function(i) {
  arm <- if (i %% 2 == 0) "B" else "A"
  y <- round(rnorm(3, c(1, 2, 3) + (arm == "B"), 1.5) + rnorm(1), 2)
  if (i %% 4 < 2) y[3] <- NA else y[1] <- NA
  data.frame(SUBJECT = sprintf("G%02d", i), VISIT = paste("Month", c(1, 2, 3)), y = y, TRT = arm)
}))
gap$VISIT <- factor(gap$VISIT, levels = paste("Month", 1:3))
gap$TRT <- factor(gap$TRT, levels = c("A", "B"))
cases[[5]] <- mmrm_case("unstructured_not_estimable", "visits Month 1 and Month 3 never observed together; y ~ TRT * VISIT; unstructured fails, compound symmetry fitted",
  gap, list("TRT", "VISIT", c("TRT", "VISIT")), "compoundSymmetry", c("unstructured", "compoundSymmetry"))

# 6-7. Heterogeneous Toeplitz (a variance per visit, a correlation per lag) on the pilot (three visits)
#      and on the simulated set with dropout and gaps (four visits, seven parameters).
cases[[6]] <- mmrm_case("cdisc_pilot_toeplitz", note, pilot, terms, "toeplitzHeterogeneous", c("toeplitzHeterogeneous"))
cases[[7]] <- mmrm_case("simulated_toeplitz", "the participants of case 4; y ~ TRT * VISIT + BASE * VISIT + SITE",
  sim, list("TRT", "VISIT", "BASE", "SITE", c("TRT", "VISIT"), c("VISIT", "BASE")), "toeplitzHeterogeneous",
  c("toeplitzHeterogeneous"))

# 8. Four visits where visits 1 and 3 are never observed together (each participant has visits 1, 2, 4
#    or 2, 3, 4, some without visit 4): unstructured fails, heterogeneous Toeplitz is fitted (each lag
#    still has observed pairs: lag 2 from visits 2 and 4).
set.seed(11)
m <- 60
toe <- do.call(rbind, lapply(seq_len(m), function(i) {
  arm <- if (i %% 2 == 0) "B" else "A"
  s <- c(1, 1.3, 1.6, 2)
  e <- as.numeric(t(chol(outer(s, s) * 0.7^abs(outer(1:4, 1:4, "-")))) %*% rnorm(4))
  y <- round(c(1, 2, 3, 4) + (arm == "B") * c(0.5, 1, 1.5, 2) + e, 2)
  if (i %% 4 < 2) y[3] <- NA else y[1] <- NA
  if (i %% 5 == 0) y[4] <- NA
  data.frame(SUBJECT = sprintf("T%02d", i), VISIT = paste("Week", c(2, 4, 6, 8)), y = y, TRT = arm)
}))
toe$VISIT <- factor(toe$VISIT, levels = paste("Week", c(2, 4, 6, 8)))
toe$TRT <- factor(toe$TRT, levels = c("A", "B"))
cases[[8]] <- mmrm_case("toeplitz_fallback", "visits Week 2 and Week 6 never observed together; y ~ TRT * VISIT; unstructured fails, heterogeneous Toeplitz fitted",
  toe, list("TRT", "VISIT", c("TRT", "VISIT")), "toeplitzHeterogeneous", c("unstructured", "toeplitzHeterogeneous"))

write_fixture("mmrm", cases)
