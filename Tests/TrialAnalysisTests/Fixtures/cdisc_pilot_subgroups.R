# Subgroup analyses of the CDISC pilot's endpoints, as examples/cdisc-pilot/study.yaml names them:
# subgroups SEX (F, M), AGEGR1 (ordered by AGEGR1N) and RACE (White, Black or African American,
# American Indian or Alaska Native).
# ANCOVA endpoints: the endpoint's model with the subgroup and the arm x subgroup product term,
#   fit1 <- lm(CHG ~ arm + covariates + sub + arm:sub); within each level the LS-mean difference of
#   each arm from Placebo, emmeans(fit1, ~ arm | sub) with trt.vs.ctrl (NA where not estimable), and
#   the interaction test anova(fit0, fit1) with fit0 without the product term.
# Responder endpoint: per level the responders of each arm (Wilson interval, prop.test(correct =
#   FALSE)) and Newcombe's hybrid score difference from Placebo; the interaction test
#   anova(glm(r ~ arm + sub), glm(r ~ arm * sub), test = "LRT").
# Run from the repository root: Rscript Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_subgroups.R
library(haven)
library(emmeans)
library(jsonlite)

adsl <- read_xpt("examples/cdisc-pilot/data/adsl.xpt")
adas <- read_xpt("examples/cdisc-pilot/data/adadas.xpt")
adlb <- read_xpt("examples/cdisc-pilot/data/adlbc.xpt")
arms <- c("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose")
adsl$AGEGR1 <- factor(adsl$AGEGR1, levels = unique(adsl$AGEGR1[order(adsl$AGEGR1N)]))
subgroups <- list(SEX = c("F", "M"), AGEGR1 = levels(adsl$AGEGR1),
                  RACE = c("WHITE", "BLACK OR AFRICAN AMERICAN", "AMERICAN INDIAN OR ALASKA NATIVE"))
subjectVariables <- c("USUBJID", "TRT01P", "SITEGR1", names(subgroups))

estimate <- function(r) {
  if (is.na(r$estimate)) return(NULL)
  list(estimate = r$estimate, se = r$SE, df = r$df, ciLower = r$lower.CL, ciUpper = r$upper.CL, t = r$t.ratio, pValue = r$p.value)
}

ancova <- function(d, armLabels, covariates, weights) {
  d$arm <- factor(d$TRT01P, levels = armLabels)
  lapply(names(subgroups), function(s) {
    d$sub <- factor(as.character(d[[s]]), levels = subgroups[[s]])
    main <- paste("CHG ~", paste(c("arm", covariates, "sub"), collapse = " + "))
    fit0 <- lm(as.formula(main), data = d)
    fit1 <- lm(as.formula(paste(main, "+ arm:sub")), data = d)
    test <- anova(fit0, fit1)
    present <- levels(droplevels(d$sub))
    means <- emmeans(fit1, ~ arm | sub, weights = weights)
    differences <- as.data.frame(summary(contrast(means, "trt.vs.ctrl", ref = 1, adjust = "none"), infer = TRUE))
    list(variable = s, interaction = list(df = test$Df[2], residualDf = fit1$df.residual, f = test$F[2], pValue = test[["Pr(>F)"]][2]),
         levels = lapply(subgroups[[s]], function(level) {
           rows <- differences[as.character(differences$sub) == level, ]
           list(level = level, n = lapply(armLabels, function(a) sum(d$arm == a & d$sub == level)),
                differences = lapply(seq_len(nrow(rows)), function(i) estimate(rows[i, ])))
         }))
  })
}

efficacy <- adsl[adsl$EFFFL == "Y", subjectVariables]
adasWeek24 <- adas[adas$PARAMCD == "ACTOT" & adas$AVISITN == 24 & adas$ANL01FL == "Y", c("USUBJID", "CHG", "BASE")]
primary <- ancova(merge(efficacy, adasWeek24, by = "USUBJID"), arms, c("SITEGR1", "BASE"), "proportional")

itt <- adsl[adsl$ITTFL == "Y" & adsl$TRT01P %in% arms[c(1, 3)], subjectVariables]
glucose <- adlb[adlb$PARAMCD == "GLUC" & adlb$AVISITN == 20, c("USUBJID", "CHG", "BASE")]
glucose <- glucose[!duplicated(glucose$USUBJID), ]
secondary <- ancova(merge(itt, glucose, by = "USUBJID"), arms[c(1, 3)], "BASE", "equal")

wilson <- function(x, n) if (n == 0) c(NA, NA) else prop.test(x, n, correct = FALSE)$conf.int
newcombe <- function(x1, n1, x2, n2) {
  if (n1 == 0 || n2 == 0) return(NULL)
  w1 <- wilson(x1, n1); w2 <- wilson(x2, n2)
  p1 <- x1 / n1; p2 <- x2 / n2; e <- p1 - p2
  list(estimate = e, ciLower = e - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), ciUpper = e + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
r <- merge(efficacy, adasWeek24, by = "USUBJID", all.x = TRUE)
r$responder <- as.numeric(!is.na(r$CHG) & r$CHG <= -4)
r$arm <- factor(r$TRT01P, levels = arms)
responders <- lapply(names(subgroups), function(s) {
  r$sub <- factor(as.character(r[[s]]), levels = subgroups[[s]])
  g0 <- glm(responder ~ arm + sub, family = binomial, data = r)
  g1 <- glm(responder ~ arm * sub, family = binomial, data = r)
  test <- anova(g0, g1, test = "LRT")
  list(variable = s, interaction = list(chiSquare = test$Deviance[2], df = test$Df[2], pValue = test[["Pr(>Chi)"]][2]),
       levels = lapply(subgroups[[s]], function(level) {
         x <- sapply(arms, function(a) sum(r$responder[r$arm == a & r$sub == level]))
         n <- sapply(arms, function(a) sum(r$arm == a & r$sub == level))
         list(level = level,
              byArm = lapply(seq_along(arms), function(k) {
                w <- wilson(x[k], n[k])
                list(arm = arms[k], n = unname(n[k]), responders = unname(x[k]), ciLower = w[1], ciUpper = w[2])
              }),
              differences = lapply(2:3, function(k) newcombe(x[k], n[k], x[1], n[1])))
       }))
})

out <- list(primary = primary, glucose = secondary, responders = responders)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null", null = "null"),
           "Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_subgroups.json")
