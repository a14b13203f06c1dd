import Testing
import ScorecardCore
@testable import Ingest

@Suite struct CSVReaderTests {
    /// Every record as (line, fields), reading `text` with a chunk size of `chunk` bytes.
    static func read(_ bytes: [UInt8], delimiter: Character = ",", encoding: CSVDialect.Encoding = .utf8,
                     chunk: Int = 1 << 20) throws -> [(Int, [String])] {
        try Fixtures.withFolder(["x.csv": bytes]) { dir in
            let r = try CSVReader(path: dir + "/x.csv", delimiter: delimiter.asciiValue!, encoding: encoding, chunkSize: chunk)
            var out: [(Int, [String])] = []
            while try r.next() { out.append((r.line, (0..<r.fieldCount).map(r.string))) }
            return out
        }
    }

    static let rfc4180: [UInt8] = Array((
        "\u{FEFF}id,text,n\r\n" +
        "1,\"a, b\",2\r\n" +
        "2,\"say \"\"hi\"\"\",3\r\n" +
        "3,\"two\r\nlines\",4\r\n" +
        "\r\n" +
        "4,  padded  ,\" quoted \"\r\n" +
        "5,,\n" +
        "6,5\" screen,7").utf8)

    static let expected: [(Int, [String])] = [
        (1, ["id", "text", "n"]),
        (2, ["1", "a, b", "2"]),
        (3, ["2", "say \"hi\"", "3"]),
        (4, ["3", "two\r\nlines", "4"]),
        // line 6 is empty and skipped; the quoted line break above made line 5 part of record 4.
        (7, ["4", "padded", "quoted"]),
        (8, ["5", "", ""]),
        (9, ["6", "5\" screen", "7"]),
    ]

    @Test func readsRFC4180WithBOMCRLFAndNoFinalLineBreak() throws {
        let got = try Self.read(Self.rfc4180)
        #expect(got.map(\.0) == Self.expected.map(\.0))
        #expect(got.map(\.1) == Self.expected.map(\.1))
    }

    /// Tiny chunks put every record boundary, quote and CRLF across a refill.
    @Test(arguments: [3, 4, 5, 7, 16, 64])
    func chunkBoundariesDoNotChangeTheResult(chunk: Int) throws {
        let got = try Self.read(Self.rfc4180, chunk: chunk)
        #expect(got.map(\.0) == Self.expected.map(\.0))
        #expect(got.map(\.1) == Self.expected.map(\.1))
    }

    @Test func otherDelimiters() throws {
        #expect(try Self.read(Array("a;b\n\"x;y\";2\n".utf8), delimiter: ";").map(\.1) == [["a", "b"], ["x;y", "2"]])
        #expect(try Self.read(Array("a\tb\n1\t 2\n".utf8), delimiter: "\t").map(\.1) == [["a", "b"], ["1", "2"]])
        #expect(try Self.read(Array("a|b\n1|2".utf8), delimiter: "|").map(\.1) == [["a", "b"], ["1", "2"]])
    }

    @Test(arguments: [3, 1 << 20])
    func transcodesWindows1252(chunk: Int) throws {
        // "Küche;1,5 €" in windows-1252: ü = 0xFC, € = 0x80.
        let bytes: [UInt8] = Array("name;price\r\nK".utf8) + [0xFC] + Array("che;1,5 ".utf8) + [0x80] + [13, 10]
        let got = try Self.read(bytes, delimiter: ";", encoding: .windows1252, chunk: chunk)
        #expect(got.map(\.1) == [["name", "price"], ["Küche", "1,5 €"]])
    }

    @Test func undefinedWindows1252ByteIsAnEncodingError() throws {
        let bytes: [UInt8] = Array("a\nb\nc".utf8) + [0x81] + [10]
        #expect(throws: CSVReader.Failure.invalidEncoding(line: 3)) { try Self.read(bytes, encoding: .windows1252) }
    }

    @Test func invalidUTF8NamesTheLine() throws {
        // A lone continuation byte on line 3, inside a record that starts on line 2.
        let bytes: [UInt8] = Array("h1,h2\n\"a\nb".utf8) + [0x80] + Array("\",1\n".utf8)
        #expect(throws: CSVReader.Failure.invalidEncoding(line: 3)) { try Self.read(bytes) }
        // Overlong encoding of "/" and a truncated sequence are invalid too.
        #expect(throws: CSVReader.Failure.invalidEncoding(line: 1)) { try Self.read([0xC0, 0xAF, 10]) }
        #expect(throws: CSVReader.Failure.invalidEncoding(line: 2)) { try Self.read(Array("a\n".utf8) + [0xE2, 0x82]) }
    }

    @Test func unterminatedQuoteNamesTheLineItStartsOn() throws {
        let bytes = Array("h1,h2\n1,2\n3,\"open\nand never closed\n".utf8)
        #expect(throws: CSVReader.Failure.unterminatedQuote(line: 3)) { try Self.read(bytes) }
        #expect(throws: CSVReader.Failure.unterminatedQuote(line: 3)) { try Self.read(bytes, chunk: 4) }
    }

    @Test func validMultiByteUTF8IsKept() throws {
        #expect(try Self.read(Array("x\nGroß 😀\n".utf8)).map(\.1) == [["x"], ["Groß 😀"]])
    }
}

extension CSVReaderTests {
    @Test func trimsNoBreakSpacesAndLineBreaksInsideQuotes() throws {
        #expect(try Self.read(Array("a,b\n\u{A0}12\u{A0},\"x\n\"\n".utf8)).map(\.1) == [["a", "b"], ["12", "x"]])
    }
}
