import TrialAnalysis

/// How the report names the study's variables, visits and arms: labels with units and the decimals
/// with which each variable is displayed. Everything study-specific comes from the plan.
public struct ReportLabels: Sendable {
    /// The plan whose parameters, arms and subgroups are named.
    public var plan: AnalysisPlan

    /// Labels for `plan`.
    public init(plan: AnalysisPlan) {
        self.plan = plan
    }

    /// The label and unit of an ADSL variable or `PARAMCD.BASE`: "Age (years)",
    /// "Fasting C-peptide at baseline (pmol/L)"; an unknown name is shown as it is.
    public func variable(_ name: String) -> String {
        if let code = LogisticSpecification.baselineParameter(of: name), let parameter = plan.parameter(code) {
            return withUnit(parameter.label + " at baseline", parameter.unit)
        }
        guard let variable = adslVariable(name) else { return name }
        return withUnit(variable.label, variable.units)
    }

    /// A covariate of the logistic model as a reader names it, with the change its odds ratio is
    /// for (`per` units, else one): `CPEPF.BASE` → "Baseline fasting C-peptide, per pmol/L" or
    /// "…, per 100 pmol/L", `AGE` → "Age, per year" or "Age, per 10 years", `MSCDOSE` with 2 →
    /// "UC-MSC dose, per 2 × 10⁶ cells/kg". The amount is shown as the plan writes it.
    public func covariate(_ name: String, per: Double? = nil) -> String {
        let space = FigureText.space
        let (label, unit, units): (String, String, String)
        if let code = LogisticSpecification.baselineParameter(of: name) {
            guard let parameter = plan.parameter(code) else { return name }
            (label, unit, units) = ("Baseline " + parameter.label.inSentence, parameter.unit, parameter.unit)
        } else {
            (label, unit, units) = adslVariable(name) ?? (name, "", "")
        }
        guard let per, per != 1 else { return unit.isEmpty ? label : "\(label), per\(space)\(unit)" }
        let amount = Display.planValue(per)
        if units.isEmpty { return "\(label), per\(space)\(amount)" }
        // "per 2 × 10⁶ cells/kg" where the unit starts with a number.
        return units.first?.isNumber == true ? "\(label), per\(space)\(amount) × \(units)" : "\(label), per\(space)\(amount)\(space)\(units)"
    }

    /// The ADSL columns of SPEC.md §1 by their meaning: label, unit (one), units (several); the
    /// dose is named for the plan's treatment arm.
    private func adslVariable(_ name: String) -> (label: String, unit: String, units: String)? {
        switch name {
        case "AGE": ("Age", "year", "years")
        case "AGEDX": ("Age at diagnosis", "year", "years")
        case "SEX": ("Sex", "", "")
        case "BMI": ("BMI", "kg/m²", "kg/m²")
        case "DIABDUR": ("Diabetes duration", "month", "months")
        case "MSCDOSE": (plan.arms.treatment + " dose", "10⁶ cells/kg", "10⁶ cells/kg")
        case "LASTMO": ("Last follow-up", "month", "month")
        default: nil
        }
    }

    /// The decimals of a variable's mean, SD and quartiles: the parameter's for `PARAMCD.BASE`,
    /// one otherwise.
    public func decimals(_ name: String) -> Int {
        if let code = LogisticSpecification.baselineParameter(of: name), let parameter = plan.parameter(code) {
            return parameter.decimals
        }
        return 1
    }

    /// A parameter's label with its unit: "Fasting C-peptide (pmol/L)".
    public func parameter(_ code: String) -> String {
        guard let parameter = plan.parameter(code) else { return code }
        return withUnit(parameter.label, parameter.unit)
    }

    /// A parameter's label without unit, or the code.
    public func parameterName(_ code: String) -> String {
        plan.parameter(code)?.label ?? code
    }

    /// The level of a categorical variable as a reader names it: SEX F → "Female".
    public func level(_ level: String, of variable: String) -> String {
        guard variable == "SEX" else { return level }
        switch level {
        case "F": return "Female"
        case "M": return "Male"
        default: return level
        }
    }

    /// A visit: "Month 12" (months since the first infusion); "Baseline" for the baseline visit.
    public func visit(_ month: Double) -> String {
        month == plan.baselineVisit ? "Baseline" : "Month " + Display.planValue(month)
    }

    /// An arm's column header: "UC-MSC (N = 27)".
    public static func armHeader(_ arm: String, n: Int?) -> String {
        guard let n else { return arm }
        return arm + " (N = " + Display.integer(n) + ")"
    }

    private func withUnit(_ label: String, _ unit: String) -> String {
        unit.isEmpty ? label : label + " (" + unit + ")"
    }
}

extension String {
    /// The text with its first letter lowercased when it starts an ordinary word ("Fasting
    /// C-peptide" → "fasting C-peptide"), kept for an acronym or a mixed-case name ("BMI",
    /// "HbA1c", "UC-MSC dose"), so that a label reads well inside a sentence.
    var inSentence: String {
        let letters = Array(self)
        guard letters.count > 1, letters[0].isUppercase, letters[1].isLowercase,
              !prefix(while: { !$0.isWhitespace }).dropFirst().contains(where: \.isUppercase) else { return self }
        return letters[0].lowercased() + String(letters.dropFirst())
    }
}
