import ArgumentParser

/// The value of an option or argument, refused when empty: `--out "$OUT"` with `OUT` unset is an
/// empty value, and an empty path would otherwise mean the working folder. Used as the
/// `transform` of every option and argument that takes a path or text; the refusal is a usage
/// error (exit 64) naming the option.
func nonEmpty(_ value: String) throws -> String {
    guard !value.isEmpty else { throw ValidationError("the value is empty (an unset shell variable?)") }
    return value
}
