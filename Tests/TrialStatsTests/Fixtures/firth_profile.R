# Reference values for TrialStats Firth logistic regression (FirthLogisticTests).
# Produced by R 4.2; regenerate with:  Rscript firth_profile.R > firth_profile.json
#
# Estimates and standard errors: brglm2 (glm(method = "brglmFit", type = "AS_mean"), which for the
# logit link is Firth's 1993 penalized likelihood), converged to epsilon = 1e-12.
# Confidence intervals and p-values: profile penalized likelihood as logistf's defaults
# (Heinze & Schemper 2002), computed by the code below because logistf is not installed here:
#   l*(beta) = l(beta) + 1/2 log det(X' W X), the penalty always from the full design;
#   profile l*_j(b) = max of l* over the other coefficients with beta_j fixed at b (optim BFGS with
#   the analytic penalized score, reltol 1e-15, then scoring steps until the score is < 1e-9);
#   95% CI: the b with 2 (l*(beta_hat) - l*_j(b)) = qchisq(0.95, 1) (uniroot, tol 1e-13);
#   p-value: pchisq(2 (l*(beta_hat) - l*_j(0)), 1, lower.tail = FALSE).
#
# Independent cross-check (firth_crosscheck.py): the Python package firthlogist 0.5.0, which
# mirrors logistf, agrees on all 4 datasets: profile CI limits to a largest relative difference
# of 1.9e-13, estimates 1.2e-8 and SEs 1.4e-8 (its own convergence, tol 1e-12, vs brglm2's).
# Its LR-test p-values are not logistf's (its restricted fit uses the hat matrix of the reduced
# design; logistf.c keeps the full design's), so the p-values were checked by maximising
# firthlogist's penalized log-likelihood with scipy instead: largest relative difference 3.3e-14.
suppressPackageStartupMessages({ library(brglm2); library(jsonlite) })

softplus <- function(x) ifelse(x > 0, x + log1p(exp(-x)), log1p(exp(x)))

penalized_loglik <- function(beta, X, y) {
  eta <- drop(X %*% beta)
  w <- plogis(eta) * plogis(-eta)
  sum(y * eta - softplus(eta)) +
    0.5 * as.numeric(determinant(crossprod(X * sqrt(w)), logarithm = TRUE)$modulus)
}

penalized_score <- function(beta, X, y) {
  eta <- drop(X %*% beta)
  mu <- plogis(eta)
  w <- mu * (1 - mu)
  h <- rowSums((X %*% solve(crossprod(X * sqrt(w)))) * X) * w
  drop(crossprod(X, y - mu + h * (0.5 - mu)))
}

profile <- function(j, b, X, y, start) {
  free <- setdiff(seq_len(ncol(X)), j)
  full <- function(g) { beta <- numeric(ncol(X)); beta[j] <- b; beta[free] <- g; beta }
  if (length(free) == 0) return(penalized_loglik(full(numeric(0)), X, y))
  opt <- optim(start[free], function(g) -penalized_loglik(full(g), X, y),
               function(g) -penalized_score(full(g), X, y)[free],
               method = "BFGS", control = list(reltol = 1e-15, maxit = 10000))
  # BFGS stops near the maximum; polish with scoring steps (Fisher information of the free
  # coefficients) until the penalized score vanishes.
  g <- opt$par
  for (k in 1:200) {
    eta <- drop(X %*% full(g))
    w <- plogis(eta) * plogis(-eta)
    step <- solve(crossprod(X[, free, drop = FALSE] * sqrt(w)), penalized_score(full(g), X, y)[free])
    g <- g + step
    if (max(abs(step)) < 1e-13 * max(1, abs(g))) break
  }
  gradient <- max(abs(penalized_score(full(g), X, y)[free]))
  if (gradient > 1e-9 || penalized_loglik(full(g), X, y) < -opt$value - 1e-12) stop("profile maximisation failed")
  penalized_loglik(full(g), X, y)
}

firth_case <- function(name, data, formula, note) {
  fit <- glm(formula, family = binomial, data = data, method = "brglmFit", type = "AS_mean",
             epsilon = 1e-12, maxit = 1000)
  s <- summary(fit)$coefficients
  X <- model.matrix(fit)
  y <- fit$y
  beta <- coef(fit)
  maximum <- penalized_loglik(beta, X, y)
  critical <- qchisq(0.95, 1)
  deficit <- function(j, b) 2 * (maximum - profile(j, b, X, y, beta)) - critical
  limit <- function(j, direction) {
    step <- direction * s[j, 2]
    far <- beta[j] + step
    while (deficit(j, far) < 0) { step <- 2 * step; far <- beta[j] + step }
    uniroot(function(b) deficit(j, b), sort(c(beta[j], far)), tol = 1e-13 * max(1, abs(beta[j])))$root
  }
  chi <- sapply(seq_along(beta), function(j) 2 * (maximum - profile(j, 0, X, y, beta)))
  covariates <- attr(terms(fit), "term.labels")
  list(name = name, note = note, response = as.numeric(y),
       covariates = lapply(covariates, function(v) list(name = v, values = as.numeric(data[[v]]))),
       terms = I(colnames(X)), estimate = I(unname(beta)), standardError = I(unname(s[, 2])),
       ciLower = I(sapply(seq_along(beta), limit, direction = -1)),
       ciUpper = I(sapply(seq_along(beta), limit, direction = 1)),
       chiSquare = I(chi), pValue = I(pchisq(chi, 1, lower.tail = FALSE)),
       penalizedLogLikelihood = maximum)
}

cases <- list()
# 1. The small dataset of ../shared/reference.json (firth_small_brglm2): y ~ x + z.
small <- data.frame(y = c(0,0,0,0,1,0,1,1,1,1,1,0), x = c(1,2,3,4,5,6,7,8,9,10,11,3.5),
                    z = c(2.1,1.3,0.4,3.3,2.2,1.8,0.9,1.1,2.6,3.1,0.2,1.7))
cases[[1]] <- firth_case("reference_small", small, y ~ x + z, "firth_small_brglm2 of reference.json")

# 2. Intercept only: 2 events in 17.
cases[[2]] <- firth_case("intercept_only", data.frame(y = c(1, 1, rep(0, 15))), y ~ 1, "2 events in 17")

# 3. Complete separation (maximum likelihood does not exist): y = 1 exactly when x > 5.
cases[[3]] <- firth_case("complete_separation", data.frame(x = 1:10, y = as.numeric(1:10 > 5)), y ~ x,
                         "y = 1 exactly when x > 5")

# 4. Like the trial's treated arm: 27 participants, 11 responders, three covariates.
set.seed(27)
trial <- data.frame(CPEPF.BASE = round(rlnorm(27, log(220), 0.45), 1),
                    MSCDOSE = sample(c(1, 1.5, 2, 2.5, 3), 27, replace = TRUE),
                    AGE = round(runif(27, 18, 40)))
latent <- -4 + 0.012 * trial$CPEPF.BASE + 0.6 * trial$MSCDOSE + rlogis(27)
trial$y <- as.numeric(rank(-latent) <= 11)
cases[[4]] <- firth_case("trial_three_covariates", trial, y ~ CPEPF.BASE + MSCDOSE + AGE,
                         "set.seed(27); the 11 highest latent scores respond")

cat(toJSON(list(rVersion = R.version.string, cases = cases), digits = NA, auto_unbox = TRUE, pretty = TRUE), "\n")
