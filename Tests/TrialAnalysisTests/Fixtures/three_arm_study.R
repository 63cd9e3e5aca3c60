# Reference results for the analyses of more than two arms (ThreeArmReferenceTests), computed with R's
# own functions from the fixture study folder three_arm_study/ (written by
#   trialreport simulate --participants 90 --seed 15 --arms "Placebo:0,Low:54,High:81" --out three_arm_study
# with `multiplicity: holm` added to its study.yaml) under two plans: its study.yaml ("default": Kruskal-Wallis,
# Holm, doses) and three_arm_variant.yaml ("variant": Welch, Bonferroni, no doses so no trend test).
# Produced by R 4.2; regenerate inside this folder with:  Rscript three_arm_study.R > three_arm_study.json
#
# The output mirrors the keys of results.json (remission and endpoints): every number written here must be
# found, at the same path, in the results TrialAnalysis computes (compared at 1e-6 relative).
#   global test:   fisher.test on the 2 x k table (responders); kruskal.test or oneway.test(var.equal = FALSE)
#   pairwise:      each arm vs the reference: fisher.test and the Newcombe hybrid score difference (responders);
#                  wilcox.test or t.test (continuous); adjusted with p.adjust(method = plan$adjust); the effects
#                  beside them (effect_estimates.R): relative risk and odds ratio, Hodges-Lehmann shift or mean difference
#   trend in dose: prop.trend.test(responders, n, score = dose); summary(lm(y ~ dose)) slope t-test
suppressPackageStartupMessages(library(jsonlite))

adsl <- read.csv("three_arm_study/adsl.csv", stringsAsFactors = FALSE, na.strings = c("", "NA"))
adlb <- read.csv("three_arm_study/adlb.csv", stringsAsFactors = FALSE, na.strings = c("", "NA"))

arms <- c("Placebo", "Low", "High"); doses <- c(0, 54, 81); reference <- 1
visits <- c(0, 3, 6, 9, 12); primary <- 12
parameters <- c("CPEPF", "CPEPP", "HBA1C", "INSDOSE"); remissionParameters <- c("CPEPF", "CPEPP")
adsl$level <- ifelse(adsl$AGEDX >= 18, "Adult-onset", "Juvenile-onset")
populations <- list(list(subgroup = NA, level = NA), list(subgroup = "Onset", level = "Adult-onset"),
                    list(subgroup = "Onset", level = "Juvenile-onset"))
inPopulation <- function(p) if (is.na(p$level)) rep(TRUE, nrow(adsl)) else adsl$level == p$level

value <- function(code, visit) {
  rows <- adlb[adlb$PARAMCD == code & adlb$AVISITN == visit, ]
  rows$AVAL[match(adsl$USUBJID, rows$USUBJID)]
}
percentChange <- function(base, x) ifelse(base == 0, NA, (x - base) / base * 100)
p <- function(expr) tryCatch(suppressWarnings(expr$p.value), error = function(e) NA)
newcombe <- function(x1, n1, x2, n2) {
  w1 <- prop.test(x1, n1, correct = FALSE)$conf.int; w2 <- prop.test(x2, n2, correct = FALSE)$conf.int
  p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
  list(estimate = d, ciLower = d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), ciUpper = d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
fisher2 <- function(x1, n1, x2, n2) fisher.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE))$p.value
others <- setdiff(seq_along(arms), reference)
source("effect_estimates.R")  # oddsRatio, relativeRisk, effect

analyse <- function(plan) {
  pairTest <- function(x, y) if (plan$continuousTest == "mann-whitney") p(wilcox.test(x, y)) else p(t.test(x, y))
  global <- function(groups) {
    g <- factor(rep(seq_along(groups), sapply(groups, length)))
    if (plan$continuousTest == "mann-whitney") p(kruskal.test(unlist(groups), g)) else p(oneway.test(unlist(groups) ~ g))
  }
  adjust <- function(pairwise) {
    adjusted <- p.adjust(sapply(pairwise, function(c) c$pValue), method = plan$adjust)
    lapply(seq_along(pairwise), function(j) c(pairwise[[j]], list(adjustedPValue = adjusted[j])))
  }

  # Remission (nonResponder, rule any, >= 10%)
  met <- sapply(remissionParameters, function(code) {
    pc <- percentChange(value(code, 0), value(code, primary))
    !is.na(pc) & pc >= 10 - 1e-9
  })
  responder <- apply(met, 1, any)
  comparison <- function(keep) {
    x <- sapply(arms, function(a) sum(responder[keep & adsl$ARM == a])); n <- sapply(arms, function(a) sum(keep & adsl$ARM == a))
    byArm <- lapply(seq_along(arms), function(k) list(arm = arms[k], n = unname(n[k]), responders = unname(x[k])))
    pairwise <- lapply(others, function(k) list(arm = arms[k],
      difference = newcombe(x[k], n[k], x[reference], n[reference]), pValue = fisher2(x[k], n[k], x[reference], n[reference]),
      relativeRisk = relativeRisk(x[k], n[k], x[reference], n[reference]), oddsRatio = oddsRatio(x[k], n[k], x[reference], n[reference])))
    comparisons <- list(reference = arms[reference], adjustment = plan$adjust, pairwise = adjust(pairwise))
    if (plan$doses) {
      trend <- prop.trend.test(x, n, score = doses)
      # prop.trend.test's slope: the weighted least-squares slope of the proportions on the doses.
      comparisons$trend <- list(test = "cochran-armitage", pValue = trend$p.value,
                                slope = unname(coef(lm(I(x / n) ~ doses, weights = n))[2]))
    }
    list(byArm = byArm, test = "fisher-exact",
         pValue = fisher.test(rbind(x, n - x))$p.value, armComparisons = comparisons)
  }
  overall <- comparison(rep(TRUE, nrow(adsl)))
  subgroups <- lapply(populations[-1], function(pop) c(list(subgroup = pop$subgroup, level = pop$level), comparison(inPopulation(pop))))

  # Endpoints: the change from baseline (percent change for the remission parameters) at each visit
  endpoints <- list()
  for (code in parameters) for (visit in visits[-1]) for (pop in populations) {
    keep <- inPopulation(pop); base <- value(code, 0); x <- value(code, visit)
    measure <- if (code %in% remissionParameters) percentChange(base, x) else x - base
    groups <- lapply(arms, function(a) { m <- measure[keep & adsl$ARM == a]; m[!is.na(m)] })
    pairwise <- lapply(others, function(k) list(arm = arms[k], pValue = pairTest(groups[[k]], groups[[reference]]),
      effect = effect(plan$continuousTest, groups[[k]], groups[[reference]])))
    comparisons <- list(reference = arms[reference], adjustment = plan$adjust, pairwise = adjust(pairwise))
    if (plan$doses) {
      y <- unlist(groups); dose <- rep(doses, sapply(groups, length))
      s <- summary(lm(y ~ dose))$coefficients
      comparisons$trend <- list(test = "linear-trend", slope = s["dose", "Estimate"], pValue = s["dose", "Pr(>|t|)"])
    }
    endpoints[[length(endpoints) + 1]] <- list(parameter = code, visit = visit,
      subgroup = if (is.na(pop$subgroup)) NULL else pop$subgroup, level = if (is.na(pop$level)) NULL else pop$level,
      between = list(test = if (plan$continuousTest == "mann-whitney") "kruskal-wallis" else "welch-anova", pValue = global(groups)),
      armComparisons = comparisons)
  }
  list(remission = list(overall = overall, subgroups = subgroups), endpoints = endpoints)
}

out <- list(
  generator = "three_arm_study.R", r = R.version.string,
  default = analyse(list(continuousTest = "mann-whitney", adjust = "holm", doses = TRUE)),
  variant = analyse(list(continuousTest = "welch-t", adjust = "bonferroni", doses = FALSE)))
cat(toJSON(out, digits = NA, na = "null", auto_unbox = TRUE, pretty = TRUE, null = "null"), "\n")
