import Foundation
import Testing
@testable import TrialData

/// Broken transport files: each problem is reported at its 80-byte record (as the line) and
/// byte (as the column), naming the variable, all problems at once, as invalid input.
///
/// The files are haven-values.xpt with bytes changed. Its layout: records 1–3 the library
/// header, 4 the member header, 5 the descriptor header, 6–7 the descriptor, 8 the NAMESTR
/// header, NAMESTRs of NUM, COUNT and TEXT from byte 640 (140 bytes each), 15 the OBS header,
/// observations of 216 bytes from byte 1200, 5760 bytes in all.
@Suite("Problems in SAS transport files")
struct TransportFileErrorTests {
    private static let namestrStart = 640, namestrSize = 140

    private func problems(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try TransportFile(contents: FileContents(bytes), name: "adsl.xpt")
            Issue.record("the file should not read")
            return []
        } catch {
            #expect(error.kind == .invalidInput)
            return error.diagnostics.map(\.description)
        }
    }

    private func fixture() throws -> [UInt8] { try TransportFixture.bytes("haven-values") }

    private func put(_ bytes: inout [UInt8], _ text: String, at offset: Int) {
        bytes.replaceSubrange(offset..<(offset + text.utf8.count), with: Array(text.utf8))
    }

    private func putShort(_ bytes: inout [UInt8], _ value: Int16, variable: Int, field: Int) {
        let offset = Self.namestrStart + variable * Self.namestrSize + field
        bytes[offset] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value)
    }

    @Test(arguments: [Array("USUBJID,AGE\n01,63\n".utf8), [], Array(repeating: 0x20, count: 240)])
    func aFileThatIsNotXPTIsReportedAtItsFirstRecord(_ bytes: [UInt8]) {
        #expect(problems(bytes) == ["error: adsl.xpt:1:1: not a SAS transport file (XPT): the first record is not its library header"])
    }

    @Test func aVersion8FileIsRefusedByName() throws {
        var bytes = try fixture()
        put(&bytes, "LIBV8   ", at: 20)
        #expect(problems(bytes) == ["error: adsl.xpt:1:1: a SAS transport file of version 8; only version 5 (the FDA's format) is read"])
    }

    @Test func aFileCutShortInItsNAMESTRsSaysSo() throws {
        #expect(problems(Array(try fixture().prefix(800)))
            == ["error: adsl.xpt:9:1: the file ends before the last NAMESTR record: it is cut short"])
    }

    @Test func aFileCutShortInItsObservationsNamesTheRecords() throws {
        // 5723 bytes: 71 whole records and 43 bytes; the observations then end 160 bytes into row 20.
        #expect(problems(Array(try fixture().prefix(5723))) == [
            "error: adsl.xpt:72:1: the file ends 43 bytes into this record: it is cut short (transport files are whole 80-byte records)",
            "error: adsl.xpt:70:1: the last observation has 160 of its 216 bytes: the file is cut short or a variable's length is wrong",
        ])
    }

    @Test func everyBadNAMESTRIsReportedAtOnceNamingItsVariable() throws {
        var bytes = try fixture()
        putShort(&bytes, 9, variable: 0, field: 4)  // NUM: length 9
        putShort(&bytes, 3, variable: 1, field: 0)  // COUNT: type 3
        put(&bytes, "        ", at: Self.namestrStart + 2 * Self.namestrSize + 8)  // TEXT: no name
        #expect(problems(bytes) == [
            "error: adsl.xpt:9:5: variable NUM: a numeric variable of 9 bytes; SAS stores numbers in 2 to 8 bytes",
            "error: adsl.xpt:10:61: variable COUNT: type 3 is neither 1 (numeric) nor 2 (character)",
            "error: adsl.xpt:12:49: variable number 3 has no name",
        ])
    }

    @Test func aVariableRunningPastTheObservationIsReported() throws {
        var bytes = try fixture()
        putShort(&bytes, 100, variable: 2, field: 86)  // TEXT at position 100 (low half of the 4-byte field)
        #expect(problems(bytes)
            == ["error: adsl.xpt:13:45: variable TEXT: position 100 and length 200 run past the observation of 216 bytes"])
    }

    @Test func aCharacterVariableWithoutBytesIsReported() throws {
        var bytes = try fixture()
        putShort(&bytes, 0, variable: 2, field: 4)
        #expect(problems(bytes).first == "error: adsl.xpt:12:45: variable TEXT: a character variable of 0 bytes; it needs at least 1")
    }

    @Test func aDuplicateVariableNameNamesTheFirst() throws {
        var bytes = try fixture()
        put(&bytes, "NUM  ", at: Self.namestrStart + Self.namestrSize + 8)
        #expect(problems(bytes) == ["error: adsl.xpt:10:69: duplicate variable NUM (also variable number 1)"])
    }

    @Test func aMissingHeaderRecordIsNamed() throws {
        var bytes = try fixture()
        put(&bytes, "OBX", at: 1120 + 20)
        #expect(problems(bytes) == ["error: adsl.xpt:15:1: expected the OBS header record here"])
    }

    @Test func anUnknownNAMESTRSizeIsReported() throws {
        var bytes = try fixture()
        put(&bytes, "0999", at: 240 + 74)
        #expect(problems(bytes)
            == ["error: adsl.xpt:4:75: NAMESTR records of \"0999\" bytes; a transport file has 140 (or 136 from VAX/VMS)"])
    }

    @Test func aCountOfVariablesThatIsNotANumberIsReported() throws {
        var bytes = try fixture()
        put(&bytes, "00x3", at: 560 + 54)
        #expect(problems(bytes) == ["error: adsl.xpt:8:49: the number of variables \"00000000x3\" is not a number"])
    }
}
