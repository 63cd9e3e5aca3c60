# An independent reference for the Satterthwaite degrees of freedom of TrialStats' MMRM
# (MixedModelTests): for each case of mmrm.json, the REML log-likelihood is written out here in
# plain R over the covariance parameters of nlme's fit (Σ from gls, parametrised as TrialStats does:
# unstructured Σ = LLᵀ with log Lⱼⱼ and Lⱼₖ; compound symmetry and AR(1) by log σ² and the
# correlation; heterogeneous Toeplitz by log σⱼ² and the partial autocorrelations, mapped to the
# correlations by stats' ARMAacf and back by acf2AR, not by TrialStats' recursion), its Hessian and the Jacobian of Cov(β̂) are taken by numDeriv (Richardson
# extrapolation), and ν = 2(ℓᵀCℓ)² / (gᵀ W g) with W = (−∇²ℓ)⁻¹ for the LS means and differences of
# emmeans' linfct. emmeans itself uses nlme's finite-difference apVar and refits, good to ~1e-3.
# Kenward-Roger (emmeans has no Kenward-Roger for gls): Sigma as a function of the variance
# parameters psi (unstructured: every sigma_jk; compound symmetry: sigma^2 and sigma^2 rho; AR(1):
# sigma^2 and rho; heterogeneous Toeplitz: each sigma_j^2 and rho_k), its first and second derivatives
# by numDeriv, V and dV/dpsi over all rows, pbkrtest 0.5.2's vcovAdj_internal for the adjusted
# covariance (which has no second-derivative term), the term -1/2 Phi (sum W_ij R_ij) Phi added for
# the structures not linear in psi, and pbkrtest's Lb_ddf for the df of each LS mean and difference.
# Run from this folder after mmrm.R:  Rscript mmrm_satterthwaite.R   (writes mmrm_satterthwaite.json)
source("common.R")
suppressPackageStartupMessages({ library(nlme); library(emmeans); library(numDeriv); library(pbkrtest) })

fixture <- fromJSON("mmrm.json", simplifyVector = FALSE)
cases <- lapply(fixture$cases, function(case) {
  visits <- unlist(case$visits)
  y <- vapply(case$response, function(v) if (is.null(v)) NA_real_ else v, 0)
  d <- data.frame(SUBJECT = unlist(case$subject), VISIT = factor(unlist(case$visit), levels = visits), y = y)
  for (v in case$variables) {
    d[[v$name]] <- if (v$type == "factor") factor(unlist(v$labels), levels = unlist(v$levels))
                   else vapply(v$values, function(x) if (is.null(x)) NA_real_ else x, 0)
  }
  d <- d[!is.na(d$y), ]
  d$vindex <- as.integer(d$VISIT)
  .mmrm_data <<- d
  labels <- vapply(case$terms, function(t) paste(unlist(t), collapse = ":"), "")
  formula <- as.formula(paste("y ~", paste(labels, collapse = " + ")))
  correlation <- switch(case$structure,
    unstructured = quote(corSymm(form = ~ vindex | SUBJECT)),
    compoundSymmetry = quote(corCompSymm(form = ~ 1 | SUBJECT)),
    autoregressive = quote(corAR1(form = ~ vindex | SUBJECT)),
    toeplitzHeterogeneous = bquote(corARMA(p = .(length(visits) - 1L), q = 0, form = ~ vindex | SUBJECT)))
  weights <- if (case$structure %in% c("unstructured", "toeplitzHeterogeneous")) quote(varIdent(form = ~ 1 | VISIT)) else NULL
  fit <- eval(bquote(gls(.(formula), data = .mmrm_data, correlation = .(correlation), weights = .(weights),
                         method = "REML", control = glsControl(tolerance = 1e-10, msMaxIter = 500))))
  X <- model.matrix(formula, d)
  t <- length(visits)
  blocks <- split(seq_len(nrow(d)), d$SUBJECT)
  sigma_of <- switch(case$structure,
    unstructured = function(theta) {
      L <- matrix(0, t, t); L[lower.tri(L, diag = TRUE)] <- 0
      k <- 1
      for (a in 1:t) for (b in 1:a) { L[a, b] <- if (a == b) exp(theta[k]) else theta[k]; k <- k + 1 }
      L %*% t(L)
    },
    compoundSymmetry = function(theta) exp(theta[1]) * ((1 - theta[2]) * diag(t) + theta[2]),
    autoregressive = function(theta) exp(theta[1]) * theta[2]^abs(outer(1:t, 1:t, "-")),
    toeplitzHeterogeneous = function(theta) {
      sd <- exp(theta[1:t] / 2)
      pacf <- tanh(theta[-(1:t)])
      # The AR(T - 1) coefficients of these partial autocorrelations (Durbin-Levinson), then stats' ARMAacf.
      ar <- numeric(0)
      for (k in seq_along(pacf)) ar <- c(ar - pacf[k] * rev(ar), pacf[k])
      rho <- ARMAacf(ar = ar, lag.max = t - 1)
      outer(sd, sd) * matrix(rho[abs(outer(1:t, 1:t, "-")) + 1], t)
    })
  # The fitted Σ (full T × T) from gls, then its parameters.
  full <- {
    pick <- names(which.max(table(d$SUBJECT)))
    if (sum(d$SUBJECT == pick) == t) unclass(getVarCov(fit, individual = pick))
    else if (case$structure == "toeplitzHeterogeneous") {
      ratios <- coef(fit$modelStruct$varStruct, unconstrained = FALSE, allCoef = TRUE)[visits]
      sd <- fit$sigma * ratios
      rho <- ARMAacf(ar = coef(fit$modelStruct$corStruct, unconstrained = FALSE), lag.max = t - 1)
      outer(sd, sd) * matrix(rho[abs(outer(1:t, 1:t, "-")) + 1], t)
    }
    else { s2 <- fit$sigma^2; r <- coef(fit$modelStruct$corStruct, unconstrained = FALSE)
           if (case$structure == "compoundSymmetry") s2 * ((1 - r) * diag(t) + r) else s2 * r^abs(outer(1:t, 1:t, "-")) }
  }
  theta_hat <- switch(case$structure,
    unstructured = { L <- t(chol(full)); unlist(lapply(1:t, function(a) sapply(1:a, function(b) if (a == b) log(L[a, a]) else L[a, b]))) },
    compoundSymmetry = c(log(full[1, 1]), full[1, 2] / full[1, 1]),
    autoregressive = c(log(full[1, 1]), full[1, 2] / full[1, 1]),
    toeplitzHeterogeneous = {
      r <- cov2cor(full)
      rho <- vapply(0:(t - 1), function(k) r[1 + k, 1], 0)
      c(log(diag(full)), atanh(diag(acf2AR(rho)[, seq_len(t - 1), drop = FALSE])))
    })
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
  satterthwaite <- function(l) {
    g <- apply(G, 2, function(column) sum(l * (matrix(column, ncol(X)) %*% l)))
    2 * sum(l * (C %*% l))^2 / sum(g * (W %*% g))
  }
  # ν, and p and the 95% CI limits on ν (R's pt and qt), for each row of emmeans' linfct.
  inference <- function(object, estimate) {
    s <- summary(object)
    df <- apply(object@linfct, 1, satterthwaite)
    half <- qt(0.975, df) * s$SE
    list(df = I(df), p = I(2 * pt(-abs(s[[estimate]] / s$SE), df)), lower = I(s[[estimate]] - half), upper = I(s[[estimate]] + half))
  }
  # Kenward-Roger.
  sigma_of_psi <- switch(case$structure,
    unstructured = function(psi) {
      S <- matrix(0, t, t); k <- 1
      for (a in 1:t) for (b in 1:a) { S[a, b] <- S[b, a] <- psi[k]; k <- k + 1 }
      S
    },
    compoundSymmetry = function(psi) (psi[1] - psi[2]) * diag(t) + psi[2],
    autoregressive = function(psi) psi[1] * psi[2]^abs(outer(1:t, 1:t, "-")),
    toeplitzHeterogeneous = function(psi) outer(sqrt(psi[1:t]), sqrt(psi[1:t])) * toeplitz(c(1, psi[-(1:t)])))
  psi_hat <- switch(case$structure,
    unstructured = unlist(lapply(1:t, function(a) full[a, 1:a])),
    compoundSymmetry = c(full[1, 1], full[1, 2]),
    autoregressive = c(full[1, 1], full[1, 2] / full[1, 1]),
    toeplitzHeterogeneous = c(diag(full), full[2:t, 1] / sqrt(full[1, 1] * diag(full)[2:t])))
  r <- length(psi_hat)
  first <- jacobian(function(psi) as.vector(sigma_of_psi(psi)), psi_hat)
  linear <- case$structure %in% c("unstructured", "compoundSymmetry")
  second <- if (!linear) lapply(seq_len(t * t), function(e) hessian(function(psi) as.vector(sigma_of_psi(psi))[e], psi_hat))
  # The T x T matrix M spread over all rows (each participant's block on their visits).
  spread <- function(M) {
    out <- matrix(0, nrow(d), nrow(d))
    for (rows in blocks) { v <- d$vindex[rows]; out[rows, rows] <- M[v, v, drop = FALSE] }
    out
  }
  V <- spread(sigma_of_psi(psi_hat))
  Vinv <- solve(V)
  Phi <- solve(t(X) %*% Vinv %*% X)
  Vi <- lapply(seq_len(r), function(i) spread(matrix(first[, i], t)))
  adjusted <- pbkrtest:::vcovAdj_internal(Phi, list(Sigma = V, G = Vi, n.ggamma = r), X)
  PhiA <- as.matrix(adjusted)
  if (!linear) {
    W_kr <- as.matrix(attr(adjusted, "W"))
    Rsum <- 0
    for (i in 1:r) for (j in 1:r) {
      Vij <- spread(matrix(vapply(second, function(h) h[i, j], 0), t))
      Rsum <- Rsum + W_kr[i, j] * (t(X) %*% Vinv %*% Vij %*% Vinv %*% X)
    }
    PhiA <- PhiA - 0.5 * Phi %*% Rsum %*% Phi
  }
  attr(PhiA, "P") <- attr(adjusted, "P")
  attr(PhiA, "W") <- attr(adjusted, "W")
  kenward_roger <- function(object, estimate) {
    s <- summary(object)
    L <- object@linfct
    df <- apply(L, 1, function(l) pbkrtest:::Lb_ddf(matrix(l, nrow = 1), Phi, PhiA))
    se <- sqrt(apply(L, 1, function(l) sum(l * (PhiA %*% l))))
    half <- qt(0.975, df) * se
    list(df = I(df), se = I(se), p = I(2 * pt(-abs(s[[estimate]] / se), df)), lower = I(s[[estimate]] - half),
         upper = I(s[[estimate]] + half))
  }
  requests <- lapply(case$leastSquaresMeans, function(r) {
    emm <- emmeans(fit, ~ TRT | VISIT, mode = "df.error",
                   weights = if (r$weights == "proportional") as.numeric(table(d$SITE)) else r$weights)   # as mmrm.R
    differences <- contrast(emm, "trt.vs.ctrl", ref = 1, adjust = "none")
    list(weights = r$weights, means = inference(emm, "emmean"), differences = inference(differences, "estimate"),
         kenwardRoger = list(means = kenward_roger(emm, "emmean"), differences = kenward_roger(differences, "estimate")))
  })
  list(name = case$name, df = requests)
})
write_fixture("mmrm_satterthwaite", cases)
