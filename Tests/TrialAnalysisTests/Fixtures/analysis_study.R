# Reference results for the analyses of TrialAnalysis (AnalysisReferenceTests), computed with R's own
# functions from the fixture study folder analysis_study/ under two plans: the built-in plan
# ("default") and analysis_variant.yaml ("variant"; the plan's values are repeated below).
# Produced by R 4.2; regenerate inside this folder with:  Rscript analysis_study.R > analysis_study.json
#
# The output mirrors the keys of results.json: every number written here must be found, at the same
# path, in the results TrialAnalysis computes (AnalysisReferenceTests compare them at 1e-6 relative).
# Firth fits (logistf is not installed) are compared on estimates and standard errors (brglm2);
# their profile-likelihood CIs and p-values are TrialStats' own, checked in TrialStatsTests.
suppressPackageStartupMessages({ library(brglm2); library(jsonlite) })

adsl <- read.csv("analysis_study/adsl.csv", stringsAsFactors = FALSE, na.strings = c("", "NA"))
adlb <- read.csv("analysis_study/adlb.csv", stringsAsFactors = FALSE, na.strings = c("", "NA"))
adae <- read.csv("analysis_study/adae.csv", stringsAsFactors = FALSE, na.strings = c("", "NA"))
adii <- read.csv("analysis_study/adii.csv", stringsAsFactors = FALSE, na.strings = c("", "NA"))

arms <- c("UC-MSC", "Control"); visits <- c(0, 3, 6, 9, 12); primary <- 12
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
q <- function(x, p) if (length(x)) unname(quantile(x, p, type = 7)) else NA
describe <- function(x) {
  x <- x[!is.na(x)]
  list(n = length(x), mean = if (length(x)) mean(x) else NA, sd = if (length(x) > 1) sd(x) else NA,
       sem = if (length(x) > 1) sd(x) / sqrt(length(x)) else NA, median = q(x, 0.5), q1 = q(x, 0.25), q3 = q(x, 0.75),
       min = if (length(x)) min(x) else NA, max = if (length(x)) max(x) else NA)
}
p <- function(expr) tryCatch(suppressWarnings(expr$p.value), error = function(e) NA)
newcombe <- function(x1, n1, x2, n2) {
  w1 <- prop.test(x1, n1, correct = FALSE)$conf.int; w2 <- prop.test(x2, n2, correct = FALSE)$conf.int
  p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
  list(estimate = d, ciLower = d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), ciUpper = d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
fisher2 <- function(x1, n1, x2, n2) fisher.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE))$p.value
source("effect_estimates.R")  # oddsRatio, relativeRisk, effect

analyse <- function(plan) {
  between <- function(x, y) if (plan$continuousTest == "mann-whitney") p(wilcox.test(x, y)) else p(t.test(x, y))
  within <- function(v, b) if (plan$pairedTest == "wilcoxon") p(wilcox.test(v, b, paired = TRUE)) else p(t.test(v, b, paired = TRUE))

  # Remission flags
  met <- sapply(remissionParameters, function(code) {
    pc <- percentChange(value(code, 0), value(code, primary))
    !is.na(pc) & pc >= plan$threshold - 1e-9
  })
  missing <- sapply(remissionParameters, function(code) is.na(value(code, 0)) | is.na(value(code, primary)))
  responder <- if (plan$rule == "any") apply(met, 1, any) else apply(met, 1, all)
  excluded <- if (plan$missing == "completeCase") apply(missing, 1, any) else rep(FALSE, nrow(adsl))
  baseMissing <- apply(sapply(remissionParameters, function(code) is.na(value(code, 0))), 1, any)
  zeroBase <- sapply(remissionParameters, function(code) !is.na(value(code, primary)) & !is.na(value(code, 0)) & value(code, 0) == 0)

  comparison <- function(keep) {
    byArm <- lapply(arms, function(a) {
      s <- keep & adsl$ARM == a & !excluded; n <- sum(s); x <- sum(responder[s])
      ci <- prop.test(x, n, correct = FALSE)$conf.int
      list(arm = a, n = n, responders = x, rate = x / n, ciLower = ci[1], ciUpper = ci[2],
           excluded = sum(keep & adsl$ARM == a & excluded),
           missingCountedAsNonResponders = sum(s & !responder & apply(missing, 1, any)),
           missingBaseline = sum(keep & adsl$ARM == a & baseMissing),
           undefinedPercentChanges = sum(zeroBase[s, ]))
    })
    counts <- c(byArm[[1]]$responders, byArm[[1]]$n, byArm[[2]]$responders, byArm[[2]]$n)
    list(byArm = byArm, difference = do.call(newcombe, as.list(counts)), pValue = do.call(fisher2, as.list(counts)),
         relativeRisk = do.call(relativeRisk, as.list(counts)), oddsRatio = do.call(oddsRatio, as.list(counts)))
  }
  overall <- comparison(rep(TRUE, nrow(adsl)))
  subgroups <- lapply(populations[-1], function(pop) c(list(subgroup = pop$subgroup, level = pop$level), comparison(inPopulation(pop))))
  d <- data.frame(y = as.numeric(responder), treated = as.numeric(adsl$ARM == arms[1]),
                  juvenile = as.numeric(adsl$level == "Juvenile-onset"))[!excluded, ]
  interaction <- glm(y ~ treated * juvenile, family = binomial, data = d)
  interactions <- list(list(subgroup = "Onset", pValue = summary(interaction)$coefficients[4, 4]))
  if (!plan$interactionByML) interactions <- list(list(subgroup = "Onset"))

  # Endpoints
  endpoints <- list()
  for (code in parameters) for (visit in visits[-1]) for (pop in populations) {
    keep <- inPopulation(pop); base <- value(code, 0); x <- value(code, visit)
    samples <- lapply(arms, function(a) {
      s <- keep & adsl$ARM == a; paired <- s & !is.na(base) & !is.na(x)
      list(value = x[s & !is.na(x)], change = (x - base)[paired], pc = percentChange(base, x)[paired & base != 0],
           visit = x[paired], base = base[paired])
    })
    byArm <- lapply(seq_along(arms), function(k) {
      s <- samples[[k]]; v <- describe(s$value)
      list(arm = arms[k], n = v$n, mean = v$mean, sd = v$sd, median = v$median, q1 = v$q1, q3 = v$q3,
           meanChange = if (length(s$change)) mean(s$change) else NA, medianPercentChange = q(s$pc, 0.5),
           withinPValue = within(s$visit, s$base), sem = v$sem, min = v$min, max = v$max,
           change = describe(s$change), percentChange = describe(s$pc))
    })
    measure <- if (code %in% remissionParameters) "pc" else "change"
    endpoints[[length(endpoints) + 1]] <- list(parameter = code, visit = visit, byArm = byArm,
      between = list(pValue = between(samples[[1]][[measure]], samples[[2]][[measure]]),
                     effect = effect(plan$continuousTest, samples[[1]][[measure]], samples[[2]][[measure]])))
  }

  # Baseline characteristics
  baselineRows <- function(keep) {
    variables <- list(AGE = adsl$AGE, AGEDX = adsl$AGEDX, BMI = adsl$BMI, DIABDUR = adsl$DIABDUR)
    for (code in parameters) variables[[paste0(code, ".BASE")]] <- value(code, 0)
    rows <- lapply(names(variables), function(name) {
      x <- variables[[name]]
      byArm <- lapply(arms, function(a) { s <- keep & adsl$ARM == a
        list(arm = a, n = sum(s & !is.na(x)), missing = sum(s & is.na(x)), descriptives = describe(x[s])) })
      list(variable = name, byArm = byArm,
           pValue = between(x[keep & adsl$ARM == arms[1] & !is.na(x)], x[keep & adsl$ARM == arms[2] & !is.na(x)]))
    })
    females <- sapply(arms, function(a) sum(keep & adsl$ARM == a & adsl$SEX == "F"))
    sizes <- sapply(arms, function(a) sum(keep & adsl$ARM == a))
    sex <- list(variable = "SEX", byArm = lapply(1:2, function(k) list(arm = arms[k], n = unname(sizes[k]), levels = list(
      list(level = "F", n = unname(females[k]), proportion = unname(females[k] / sizes[k])),
      list(level = "M", n = unname(sizes[k] - females[k]), proportion = unname(1 - females[k] / sizes[k]))))),
      pValue = fisher2(females[1], sizes[1], females[2], sizes[2]))
    append(rows, list(sex), after = 4)
  }
  baseline <- list(rows = baselineRows(rep(TRUE, nrow(adsl))),
                   subgroups = lapply(populations[-1], function(pop) list(level = pop$level, rows = baselineRows(inPopulation(pop)))))

  # Logistic regression
  covariate <- function(name) if (grepl("\\.BASE$", name)) value(sub("\\.BASE$", "", name), 0) else adsl[[name]]
  fitModel <- function(names) {
    X <- as.data.frame(lapply(names, covariate)); names(X) <- make.names(names)
    d <- cbind(y = as.numeric(responder), X)
    keep <- !excluded & complete.cases(d) & (plan$population == "all" | adsl$ARM == arms[1])
    d <- d[keep, ]
    events <- sum(d$y); epc <- min(events, nrow(d) - events) / length(names)
    firth <- plan$method == "firth" || (plan$method == "auto" && epc < 10)
    formula <- as.formula(paste("y ~", paste(make.names(names), collapse = " + ")))
    # Odds ratios per `plan$per[[name]]` units where the plan asks (oddsRatioPer), per unit otherwise.
    per <- function(j) if (j > 1 && !is.null(plan$per[[names[j - 1]]])) plan$per[[names[j - 1]]] else NULL
    if (firth) {
      fit <- glm(formula, family = binomial, data = d, method = "brglmFit", type = "AS_mean", epsilon = 1e-12, maxit = 500)
      s <- summary(fit)$coefficients
      terms <- lapply(seq_len(nrow(s)), function(j) {
        term <- list(term = c("(Intercept)", names)[j], estimate = s[j, 1], standardError = s[j, 2], oddsRatio = exp(s[j, 1]))
        if (!is.null(per(j))) term$oddsRatioPer <- list(per = per(j), oddsRatio = exp(per(j) * s[j, 1]))
        term
      })
    } else {
      fit <- glm(formula, family = binomial, data = d); s <- summary(fit)$coefficients; ci <- confint.default(fit)
      terms <- lapply(seq_len(nrow(s)), function(j) {
        term <- list(term = c("(Intercept)", names)[j], estimate = s[j, 1], standardError = s[j, 2], oddsRatio = exp(s[j, 1]),
                     ciLower = exp(ci[j, 1]), ciUpper = exp(ci[j, 2]), pValue = s[j, 4])
        if (!is.null(per(j))) term$oddsRatioPer <- list(per = per(j), oddsRatio = exp(per(j) * s[j, 1]),
                                                        ciLower = exp(per(j) * ci[j, 1]), ciUpper = exp(per(j) * ci[j, 2]))
        term
      })
    }
    list(method = if (firth) "firth" else "ml", n = nrow(d), events = events, eventsPerCovariate = epc, terms = terms)
  }
  model <- fitModel(plan$covariates)
  univariable <- lapply(plan$covariates, function(name) {
    m <- fitModel(name); list(covariate = name, method = m$method, n = m$n, events = m$events, term = m$terms[[2]])
  })
  logistic <- c(model[c("method", "n", "events", "eventsPerCovariate", "terms")], list(univariable = univariable))

  # Insulin independence
  lastmo <- ifelse(is.na(adsl$LASTMO), max(visits), adsl$LASTMO)
  ii <- adii; ii$arm <- adsl$ARM[match(ii$USUBJID, adsl$USUBJID)]
  ii$index <- match(ii$USUBJID, adsl$USUBJID)
  ii <- ii[order(match(ii$arm, arms), ii$index, ii$STARTMO), ]
  ii$duration <- ifelse(is.na(ii$ENDMO), lastmo[ii$index] - ii$STARTMO, ii$ENDMO - ii$STARTMO)
  subjects <- sapply(arms, function(a) length(unique(ii$USUBJID[ii$arm == a])))
  sizes <- sapply(arms, function(a) sum(adsl$ARM == a))
  insulin <- list(byArm = lapply(1:2, function(k) list(arm = arms[k], subjects = unname(subjects[k]), n = unname(sizes[k]),
                                                       episodes = sum(ii$arm == arms[k]), durationMonths = describe(ii$duration[ii$arm == arms[k]]))),
                  episodes = lapply(seq_len(nrow(ii)), function(j) list(usubjid = ii$USUBJID[j], arm = ii$arm[j],
                    startMonth = ii$STARTMO[j], endMonth = ii$ENDMO[j], durationMonths = ii$duration[j], ongoing = is.na(ii$ENDMO[j]))),
                  pValue = fisher2(subjects[1], sizes[1], subjects[2], sizes[2]))

  # Adverse events (treatment-emergent: study day not negative)
  ae <- adae[is.na(adae$AESTDY) | adae$AESTDY >= 0, ]; ae$arm <- adsl$ARM[match(ae$USUBJID, adsl$USUBJID)]
  counts <- function(rows) lapply(arms, function(a) list(arm = a, subjects = length(unique(rows$USUBJID[rows$arm == a])),
                                                          events = sum(rows$arm == a)))
  pairs <- unique(ae[, c("AEBODSYS", "AEDECOD")]); pairs <- pairs[order(pairs$AEBODSYS, pairs$AEDECOD), ]
  byTerm <- lapply(seq_len(nrow(pairs)), function(j) {
    rows <- ae[ae$AEBODSYS == pairs$AEBODSYS[j] & ae$AEDECOD == pairs$AEDECOD[j], ]; c <- counts(rows)
    list(term = pairs$AEDECOD[j], soc = pairs$AEBODSYS[j], byArm = c,
         difference = newcombe(c[[1]]$subjects, sizes[1], c[[2]]$subjects, sizes[2]))
  })
  incidence <- function(rows) { c <- counts(rows); list(byArm = c, pValue = fisher2(c[[1]]$subjects, sizes[1], c[[2]]$subjects, sizes[2])) }
  worst <- tapply(match(ae$AESEV, c("MILD", "MODERATE", "SEVERE")), ae$USUBJID, max)
  bySeverity <- lapply(1:3, function(k) { who <- names(worst)[worst == k]; rows <- ae[ae$AESEV == c("MILD", "MODERATE", "SEVERE")[k], ]
    list(severity = c("MILD", "MODERATE", "SEVERE")[k], byArm = lapply(arms, function(a) list(arm = a,
      subjects = sum(adsl$ARM[match(who, adsl$USUBJID)] == a), events = sum(rows$arm == a)))) })
  socs <- sort(unique(ae$AEBODSYS))
  adverse <- list(byTerm = byTerm, bySystemOrganClass = lapply(socs, function(s) list(soc = s, byArm = counts(ae[ae$AEBODSYS == s, ]))),
                  bySeverity = bySeverity, anyEvent = incidence(ae), serious = incidence(ae[ae$AESER == "Y", ]),
                  related = incidence(ae[!is.na(ae$AEREL) & ae$AEREL == "Y", ]), preTreatmentEventsExcluded = nrow(adae) - nrow(ae))

  # Participant flow (second infusion at month 3)
  anyAfter <- sapply(adsl$USUBJID, function(id) any(adlb$USUBJID == id & adlb$AVISITN >= 3))
  completed <- apply(sapply(remissionParameters, function(code) !is.na(value(code, primary))), 1, any)
  flow <- list(enrolled = nrow(adsl), byArm = lapply(1:2, function(k) { s <- adsl$ARM == arms[k]
    c(list(arm = arms[k], allocated = sum(s)), if (k == 1) list(secondInfusion = sum(s & anyAfter)) else list(),
      list(completedPrimaryVisit = sum(s & completed), analysed = sum(s & !excluded))) }))

  # Figure data
  trajectories <- list(); distributions <- list()
  for (code in parameters) for (pop in populations) {
    keep <- inPopulation(pop)
    trajectories[[length(trajectories) + 1]] <- list(parameter = code, byArm = lapply(arms, function(a) list(arm = a,
      points = lapply(visits, function(v) { x <- value(code, v)[keep & adsl$ARM == a]; d <- describe(x)
        list(visit = v, n = d$n, mean = d$mean, sem = d$sem) }))))
    if (code %in% remissionParameters) {
      base <- value(code, 0); x <- value(code, primary)
      distributions[[length(distributions) + 1]] <- list(parameter = code, visit = primary, byArm = lapply(arms, function(a) {
        pc <- sort(percentChange(base, x)[keep & adsl$ARM == a & !is.na(base) & !is.na(x) & base != 0])
        q1 <- q(pc, 0.25); q3 <- q(pc, 0.75); reach <- 1.5 * (q3 - q1)
        inside <- pc[pc >= q1 - reach & pc <= q3 + reach]; outside <- pc[pc < q1 - reach | pc > q3 + reach]
        list(arm = a, n = length(pc), q1 = q1, median = q(pc, 0.5), q3 = q3, whiskerLower = min(inside), whiskerUpper = max(inside),
             outliers = I(outside), outlierCount = length(outside), values = I(pc))
      }))
    }
  }
  distributions <- distributions[order(sapply(distributions, function(d) match(d$parameter, remissionParameters)))]

  list(arms = lapply(1:2, function(k) list(arm = arms[k], n = unname(sizes[k]))),
       remission = list(overall = overall, subgroups = subgroups, interactions = interactions),
       endpoints = endpoints, logistic = logistic, insulinIndependence = insulin, adverseEvents = adverse,
       baseline = baseline, participantFlow = flow,
       figureData = list(trajectories = trajectories, percentChangeDistributions = distributions))
}

default <- list(threshold = 10, rule = "any", missing = "nonResponder", continuousTest = "mann-whitney",
                pairedTest = "wilcoxon", population = "treatment", covariates = c("CPEPF.BASE", "MSCDOSE"),
                method = "auto", interactionByML = TRUE, per = list(CPEPF.BASE = 100))
variant <- list(threshold = 5, rule = "all", missing = "completeCase", continuousTest = "welch-t",
                pairedTest = "paired-t", population = "all", covariates = c("CPEPF.BASE", "AGE"),
                method = "ml", interactionByML = FALSE, per = list(CPEPF.BASE = 100))
out <- list(generator = "analysis_study.R", r = R.version.string, default = analyse(default), variant = analyse(variant))
cat(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null", null = "null"), "\n")
