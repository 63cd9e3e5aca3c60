/// An input file as read: what results.json lists under `inputs` and the data lock records.
public struct InputFile: Sendable, Hashable, Codable {
    /// The file name within the study folder, e.g. `adsl.csv`.
    public var file: String
    /// The SHA-256 of the file's bytes, lowercase hexadecimal.
    public var sha256: String
    /// The size of the file in bytes.
    public var byteCount: Int
    /// The number of data rows (records after the header).
    public var rowCount: Int
}

/// A study folder, read and validated: the four ADaM tables, typed and column-oriented, and
/// what was read to make them.
public struct StudyData: Sendable {
    /// adsl.csv.
    public var participants: ParticipantTable
    /// adlb.csv.
    public var measurements: MeasurementTable
    /// adae.csv (empty when absent).
    public var adverseEvents: AdverseEventTable
    /// adii.csv (empty when absent).
    public var insulinIndependence: InsulinIndependenceTable
    /// Every input file read, in the order adsl, adlb, adae, adii (an ADaM study's: in its
    /// layout's order); empty when read without recording them (`load`'s `recordingInputs`).
    public var inputs: [InputFile]
    /// Warnings found while reading (e.g. unexpected columns); loading succeeded despite them.
    public var warnings: [Diagnostic]
    /// The Basic Data Structure datasets of a CDISC ADaM study (`AdamLayout.measurements`), in the plan's order.
    public var bdsTables: [BDSTable] = []
    /// The input files' bytes as validated, and the row digests made while reading them, for a
    /// data lock: kept only when `load` was asked to (`keepingBytes`), else `nil`.
    public var validatedBytes: ValidatedBytes?
}
