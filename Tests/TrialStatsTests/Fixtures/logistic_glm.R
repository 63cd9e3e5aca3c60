# Reference values for TrialStats maximum-likelihood logistic regression (LogisticMaximumLikelihoodTests).
# Produced by R 4.2 with glm(family = binomial), summary() and confint.default();
# regenerate with:  Rscript logistic_glm.R > logistic_glm.json
# Each case holds its data, the coefficients table, deviance, null deviance, AIC, iterations,
# convergence and the warnings glm.fit gave (captured verbatim).
suppressPackageStartupMessages(library(jsonlite))

fit_case <- function(name, data, formula, note) {
  warnings <- character(0)
  g <- withCallingHandlers(glm(formula, family = binomial, data = data),
                           warning = function(w) {
                             warnings <<- c(warnings, conditionMessage(w))
                             invokeRestart("muffleWarning")
                           })
  s <- summary(g)$coefficients
  ci <- confint.default(g)
  covariates <- attr(terms(g), "term.labels")
  list(name = name, note = note,
       response = as.numeric(model.response(model.frame(g))),
       covariates = lapply(covariates, function(v) list(name = v, values = as.numeric(data[[v]]))),
       terms = rownames(s), estimate = unname(s[, 1]), standardError = unname(s[, 2]),
       z = unname(s[, 3]), pValue = unname(s[, 4]),
       ciLower = unname(ci[, 1]), ciUpper = unname(ci[, 2]),
       deviance = g$deviance, nullDeviance = g$null.deviance, aic = g$aic,
       iterations = g$iter, converged = g$converged, warnings = I(warnings))
}

cases <- list()

# 1. infert (R datasets): case ~ age + parity + induced + spontaneous, four covariates.
cases[[1]] <- fit_case("infert_four_covariates", infert, case ~ age + parity + induced + spontaneous,
                       "R's infert data, four covariates")

# 2. Near separation: x separates the classes except for one overlapping pair; the MLE exists but
#    the slope is large and the likelihood flat (glm converges, no warnings).
near <- data.frame(y = c(0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1),
                   x = c(0.3, 0.9, 1.4, 2.2, 2.8, 3.5, 3.9, 4.1, 4.6, 5.2, 5.9, 6.4, 7.1, 7.7))
cases[[2]] <- fit_case("near_separation", near, y ~ x, "one overlapping pair in x")

# 3. Simulated, n = 2000, three covariates (seeded).
set.seed(20240531)
n <- 2000
sim <- data.frame(a = round(rnorm(n, 50, 10), 3), b = rbinom(n, 1, 0.4), c = round(runif(n, -1, 2), 4))
sim$y <- rbinom(n, 1, plogis(-3 + 0.05 * sim$a + 0.7 * sim$b - 0.4 * sim$c))
cases[[3]] <- fit_case("simulated_2000", sim, y ~ a + b + c, "set.seed(20240531), n = 2000")

# 4. Complete separation by one covariate: y = 1 exactly when x > 5.
complete <- data.frame(x = 1:10, y = as.numeric(1:10 > 5))
cases[[4]] <- fit_case("complete_separation", complete, y ~ x, "y = 1 exactly when x > 5")

# 5. Quasi-complete separation: x = 5 occurs in both classes, otherwise x orders them.
quasi <- data.frame(x = c(1, 2, 3, 4, 5, 5, 6, 7, 8, 9), y = c(0, 0, 0, 0, 0, 1, 1, 1, 1, 1))
cases[[5]] <- fit_case("quasi_complete_separation", quasi, y ~ x, "x = 5 in both classes")

# 6. Separation by two covariates jointly (neither separates alone).
set.seed(1)
joint <- data.frame(x = quasi$x, z = round(rnorm(10), 6), y = quasi$y)
cases[[6]] <- fit_case("joint_separation", joint, y ~ x + z, "x and z together separate")

cat(toJSON(list(rVersion = R.version.string, cases = cases), digits = NA, auto_unbox = TRUE, pretty = TRUE), "\n")
