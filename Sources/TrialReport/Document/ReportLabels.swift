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
        switch name {
        case "AGE": return "Age (years)"
        case "AGEDX": return "Age at diagnosis (years)"
        case "SEX": return "Sex"
        case "BMI": return "BMI (kg/m²)"
        case "DIABDUR": return "Diabetes duration (months)"
        case "MSCDOSE": return "UC-MSC dose (10⁶ cells/kg)"
        case "LASTMO": return "Last follow-up (month)"
        default: return name
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
        month == plan.baselineVisit ? "Baseline" : "Month " + Self.month(month)
    }

    /// A month as a number: 12 → "12", 1.5 → "1.5".
    public static func month(_ month: Double) -> String {
        if month.rounded() == month, month.magnitude < 1e9 { return Display.integer(Int(month)) }
        return Display.number(month, decimals: 1)
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
