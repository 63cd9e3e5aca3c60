# Reference values for TrialStats linear models (LinearModelTests): lm + summary.lm, drop1(test = "F")
# and emmeans (LS means, differences against a reference level, linear contrasts, back-transformed
# log analyses). Run from this folder:  Rscript linear_models.R   (writes linear_models.json;
# needs R packages jsonlite, emmeans and haven; reads the CDISC pilot's ADADAS from examples/).
# Each case holds its data (NA as null) so the Swift tests need neither R nor the XPT file.
source("common.R")
suppressPackageStartupMessages({ library(emmeans); library(haven) })

# A numeric vector that stays a JSON array even when it has one element.
na_num <- function(v) I(unname(as.numeric(v)))
# The inference columns of an emmeans summary, NA where a column is absent (all rows non-estimable).
ci_table <- function(s, estimate) {
  column <- function(name) if (is.null(s[[name]])) I(rep(NA_real_, nrow(s))) else na_num(s[[name]])
  list(estimate = column(estimate), se = column("SE"), df = column("df"), t = column("t.ratio"),
       p = column("p.value"), lower = column("lower.CL"), upper = column("upper.CL"))
}

# One case: `data` holds the response `y` and the variables; `terms` is a list of character vectors
# (interactions as c("a", "b")); `lsm` lists the LS-means requests; `back` (optional) asks for
# back-transformed LS means and ratios of a log(y + offset) model, as emmeans' type = "response".
fit_case <- function(name, note, data, terms, lsm = list(), offset = NULL) {
  labels <- vapply(terms, paste, "", collapse = ":")
  lhs <- if (is.null(offset)) "y" else sprintf("log(y + %s)", format(offset, digits = 17))
  formula <- as.formula(paste(lhs, "~", paste(labels, collapse = " + ")))
  fit <- eval(bquote(lm(.(formula), data = data)))  # the formula in the call, so emmeans sees log(y + c)
  s <- summary(fit)
  coefs <- coef(fit)
  table <- s$coefficients
  full <- function(column) { v <- rep(NA_real_, length(coefs)); v[match(rownames(table), names(coefs))] <- table[, column]; v }
  ci <- suppressWarnings(confint(fit))
  d1 <- drop1(fit, test = "F")
  d1 <- d1[-1, , drop = FALSE]
  variables <- lapply(setdiff(names(data), "y"), function(v) {
    x <- data[[v]]
    if (is.factor(x)) list(name = v, type = "factor", labels = I(as.character(x)), levels = I(levels(x)))
    else list(name = v, type = "numeric", values = na_num(x))
  })
  requests <- lapply(lsm, function(r) {
    emm <- emmeans(fit, r$factor, weights = r$weights)
    means <- summary(emm, infer = c(TRUE, TRUE))
    levels_used <- as.character(means[[r$factor]])
    differences <- lapply(r$references, function(ref) {
      k <- match(ref, levels_used)
      dsum <- summary(contrast(emm, "trt.vs.ctrl", ref = k, adjust = "none"), infer = c(TRUE, TRUE))
      c(list(reference = ref, levels = I(levels_used[-k])), ci_table(dsum, "estimate"))
    })
    contrasts <- lapply(r$contrasts, function(coefficients) {
      csum <- summary(contrast(emm, list(linear = coefficients)), infer = c(TRUE, TRUE))
      c(list(coefficients = I(coefficients)), ci_table(csum, "estimate"))
    })
    result <- c(list(factor = r$factor, weights = r$weights, levels = I(levels_used)), ci_table(means, "emmean"),
                list(differences = differences, contrasts = contrasts))
    if (!is.null(offset)) {
      back <- summary(emm, type = "response")
      ratios <- summary(contrast(emm, "trt.vs.ctrl", ref = 1, adjust = "none"), type = "response", infer = c(TRUE, TRUE))
      result$backTransformed <- list(offset = offset, response = na_num(back$response),
                                     lower = na_num(back$lower.CL), upper = na_num(back$upper.CL),
                                     ratio = na_num(ratios$ratio), ratioLower = na_num(ratios$lower.CL),
                                     ratioUpper = na_num(ratios$upper.CL))
    }
    result
  })
  list(name = name, note = note, formula = deparse(formula, width.cutoff = 500L),
       response = na_num(data$y), logOffset = if (is.null(offset)) NA else offset, variables = variables, terms = lapply(terms, I),
       observations = nobs(fit), dropped = nrow(data) - nobs(fit), rank = fit$rank,
       residualDf = fit$df.residual, sigma = s$sigma, rss = deviance(fit),
       rSquared = s$r.squared, adjustedRSquared = s$adj.r.squared,
       coefficients = list(names = I(names(coefs)), estimate = na_num(coefs), se = full(2), t = full(3), p = full(4),
                           lower = na_num(ci[, 1]), upper = na_num(ci[, 2])),
       drop1 = lapply(seq_len(nrow(d1)), function(i) list(
         term = rownames(d1)[i], df = d1$Df[i], sumOfSquares = d1$`Sum of Sq`[i], rss = d1$RSS[i],
         f = d1$`F value`[i], p = d1$`Pr(>F)`[i])),
       leastSquaresMeans = requests)
}

cases <- list()

# 1-2. The CDISC pilot's primary analysis (CSR Table 14-3.01): ADAS-Cog(11) change from baseline to
#      week 24 in the efficacy population, LOCF rows included (ANL01FL = Y), ANCOVA with treatment and
#      site group as factors and baseline as covariate; pairwise LS-mean differences without adjustment
#      (the pilot used proportional weights, as SAS's OM option); the dose-response p is the test of
#      TRTPN as a continuous term in the same model (drop1 = the coefficient's t test).
adas <- read_xpt("../../../examples/cdisc-pilot/data/adadas.xpt")
week24 <- subset(adas, PARAMCD == "ACTOT" & AVISIT == "Week 24" & EFFFL == "Y" & ANL01FL == "Y")
pilot <- data.frame(y = week24$CHG, TRT = factor(week24$TRTPN, levels = c(0, 54, 81)),
                    SITEGR1 = factor(week24$SITEGR1), BASE = week24$BASE)
cases[[1]] <- fit_case("cdisc_pilot_adascog_week24", "PARAMCD ACTOT, AVISIT Week 24, EFFFL = ANL01FL = Y; CHG ~ TRT + SITEGR1 + BASE",
  pilot, list("TRT", "SITEGR1", "BASE"), list(
    list(factor = "TRT", weights = "equal", references = c("0", "54"), contrasts = list(c(-45, 9, 36))),
    list(factor = "TRT", weights = "proportional", references = c("0", "54"), contrasts = list(c(-45, 9, 36))),
    list(factor = "SITEGR1", weights = "equal", references = "701", contrasts = list())))
dose <- data.frame(y = week24$CHG, TRTPN = week24$TRTPN, SITEGR1 = factor(week24$SITEGR1), BASE = week24$BASE)
cases[[2]] <- fit_case("cdisc_pilot_dose_response", "the same rows; CHG ~ TRTPN + SITEGR1 + BASE with TRTPN numeric",
  dose, list("TRTPN", "SITEGR1", "BASE"))

# 3. Two factors, a two-valued numeric covariate (emmeans averages over its two values), two
#    factor-by-covariate interactions (gear:am makes proportional and outer weights differ) and
#    missing values in the response, a factor and a covariate.
cars <- data.frame(y = mtcars$mpg, cyl = factor(mtcars$cyl), gear = factor(mtcars$gear), am = mtcars$am, wt = mtcars$wt)
cars$y[3] <- NA; cars$gear[10] <- NA; cars$wt[20] <- NA
cases[[3]] <- fit_case("mtcars_factors_covariates_missing", "mtcars with three values set missing; mpg ~ cyl + gear + am + wt + cyl:wt + gear:am",
  cars, list("cyl", "gear", "am", "wt", c("cyl", "wt"), c("gear", "am")), list(
    list(factor = "cyl", weights = "equal", references = "4", contrasts = list(c(1, -2, 1))),
    list(factor = "cyl", weights = "proportional", references = "4", contrasts = list()),
    list(factor = "cyl", weights = "outer", references = "4", contrasts = list()),
    list(factor = "gear", weights = "proportional", references = c("3", "5"), contrasts = list())))

# 4. Factor-by-factor interaction (drop1 tests only the interaction: marginality).
warp <- data.frame(y = warpbreaks$breaks, wool = warpbreaks$wool, tension = warpbreaks$tension)
warp <- warp[-c(1, 2, 30), ]
cases[[4]] <- fit_case("warpbreaks_interaction", "warpbreaks without rows 1, 2, 30 (unbalanced); breaks ~ wool * tension",
  warp, list("wool", "tension", c("wool", "tension")), list(
    list(factor = "tension", weights = "equal", references = "L", contrasts = list(c(-1, 0, 1))),
    list(factor = "tension", weights = "proportional", references = "L", contrasts = list())))

# 5. A factor inside an interaction without its main effect is coded by indicators of every level;
#    its LS means are the predictions at the mean hp.
slopes <- data.frame(y = mtcars$mpg, hp = mtcars$hp, cyl = factor(mtcars$cyl))
cases[[5]] <- fit_case("separate_slopes", "mpg ~ hp + cyl:hp (one slope per cylinder count)", slopes, list("hp", c("cyl", "hp")),
  list(list(factor = "cyl", weights = "equal", references = "4", contrasts = list())))

# 6. Rank-deficient: x3 = x1 + 2 x2, and the treatment C by site s3 cell is empty in a model with
#    the interaction, so two columns are aliased; LS means involving that cell are not estimable.
set.seed(16)
grid <- expand.grid(rep = 1:4, trt = c("A", "B", "C"), site = c("s1", "s2", "s3"))
grid <- grid[!(grid$trt == "C" & grid$site == "s3"), ]
deficient <- data.frame(trt = factor(grid$trt), site = factor(grid$site),
                        x1 = round(rnorm(nrow(grid)), 3), x2 = round(runif(nrow(grid), 0, 3), 3))
deficient$x3 <- deficient$x1 + 2 * deficient$x2
deficient$y <- round(10 + as.numeric(deficient$trt) + 0.5 * as.numeric(deficient$site) + deficient$x1 - deficient$x2 + rnorm(nrow(grid)), 3)
deficient <- deficient[, c("y", "trt", "site", "x1", "x2", "x3")]
cases[[6]] <- fit_case("rank_deficient", "y ~ trt + site + x1 + x2 + x3 + trt:site with x3 = x1 + 2 x2 and the C:s3 cell empty",
  deficient, list("trt", "site", "x1", "x2", "x3", c("trt", "site")), list(
    list(factor = "trt", weights = "equal", references = "A", contrasts = list(c(-1, 0, 1), c(-1, 1, 0))),
    list(factor = "site", weights = "equal", references = "s1", contrasts = list())))

# 7. A log analysis: log(y + 1) ~ trt + base; back-transformed LS means (geometric means of y + 1,
#    minus 1) and ratios of geometric means against the reference.
set.seed(24)
logs <- data.frame(trt = factor(rep(c("P", "L", "H"), each = 12), levels = c("P", "L", "H")), base = round(rnorm(36, 5), 3))
logs$y <- round(exp(0.3 * logs$base + as.numeric(logs$trt) / 5 + rnorm(36, 0, 0.3)) - 0.5, 4)
logs <- logs[, c("y", "trt", "base")]
cases[[7]] <- fit_case("log_response", "log(y + 1) ~ trt + base", logs, list("trt", "base"), list(
  list(factor = "trt", weights = "equal", references = "P", contrasts = list())), offset = 1)

# 8. Weights that differ: the LS means of `arm` average over region x sex, whose interaction is in the
#    model and whose cells are unbalanced, so equal, proportional (joint frequencies) and outer (product
#    of the margins) weights give three different answers.
set.seed(8)
n <- 90
weighted <- data.frame(arm = factor(sample(c("ctl", "low", "high"), n, TRUE), levels = c("ctl", "low", "high")),
                       region = factor(sample(c("EU", "NA", "AS"), n, TRUE, prob = c(0.5, 0.3, 0.2))),
                       sex = factor(sample(c("F", "M"), n, TRUE, prob = c(0.35, 0.65))), age = round(runif(n, 20, 70)))
weighted$y <- round(5 + as.numeric(weighted$arm) + 2 * (weighted$region == "AS") * (weighted$sex == "M") +
                    0.05 * weighted$age + rnorm(n), 3)
weighted <- weighted[, c("y", "arm", "region", "sex", "age")]
cases[[8]] <- fit_case("weights_differ", "y ~ arm + region + sex + age + region:sex, unbalanced cells",
  weighted, list("arm", "region", "sex", "age", c("region", "sex")), list(
    list(factor = "arm", weights = "equal", references = "ctl", contrasts = list(c(-1, 0, 1))),
    list(factor = "arm", weights = "proportional", references = "ctl", contrasts = list(c(-1, 0, 1))),
    list(factor = "arm", weights = "outer", references = "ctl", contrasts = list(c(-1, 0, 1)))))

write_fixture("linear_models", cases)
