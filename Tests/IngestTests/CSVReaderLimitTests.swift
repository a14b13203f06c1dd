import Testing
import ScorecardCore
@testable import Ingest

/// The reader's record limit: a record longer than it is skipped, never kept, and reported on its line;
/// the outcome does not depend on where chunks fall.
@Suite struct CSVReaderLimitTests {
    /// Every record as (line, fields, oversized).
    static func read(_ bytes: [UInt8], delimiter: Character = ",", encoding: CSVDialect.Encoding = .utf8,
                     chunk: Int = CSVReader.defaultChunkSize, limit: Int = CSVReader.maxRecordBytes) throws -> [(Int, [String], Bool)] {
        try Fixtures.withFolder(["x.csv": bytes]) { dir in
            let r = try CSVReader(path: dir + "/x.csv", delimiter: delimiter.asciiValue!, encoding: encoding,
                                  chunkSize: chunk, maxRecordBytes: limit)
            var out: [(Int, [String], Bool)] = []
            while try r.next() { out.append((r.line, (0..<r.fieldCount).map(r.string), r.isOversized)) }
            return out
        }
    }

    static let chunks = [3, 4, 5, 7, 16, 64, CSVReader.defaultChunkSize]

    @Test(arguments: chunks)
    func aRecordOverTheLimitIsSkippedAndTheNextOneIsRead(chunk: Int) throws {
        let text = "id,x\n1,abcdefghijklmnopqrstuvwxyz\r\n2,ok\n"
        let got = try Self.read(Array(text.utf8), chunk: chunk, limit: 10)
        #expect(got.map(\.0) == [1, 2, 3])
        #expect(got.map(\.1) == [["id", "x"], [], ["2", "ok"]])
        #expect(got.map(\.2) == [false, true, false])
    }

    /// Quotes, escaped quotes, delimiters and line breaks inside the skipped record are followed exactly as
    /// the tokenizer would, so the record ends where it really ends and lines keep counting.
    @Test(arguments: chunks)
    func aQuotedRecordOverTheLimitEndsWhereItsQuotesEnd(chunk: Int) throws {
        let text = "id,x\n1,\"a \"\"quoted\"\", b\nsecond line\nthird\",tail\n2,ok\n"
        let got = try Self.read(Array(text.utf8), chunk: chunk, limit: 12)
        #expect(got.map(\.0) == [1, 2, 5])
        #expect(got.map(\.1) == [["id", "x"], [], ["2", "ok"]])
    }

    @Test func aRecordOfExactlyTheLimitIsRead() throws {
        // "1,abcdefgh" is 10 bytes, without its line break.
        let at = try Self.read(Array("1,abcdefgh\r\n2,b\n".utf8), chunk: 3, limit: 10)
        #expect(at.map(\.1) == [["1", "abcdefgh"], ["2", "b"]])
        let over = try Self.read(Array("1,abcdefghi\r\n2,b\n".utf8), chunk: 3, limit: 10)
        #expect(over.map(\.2) == [true, false])
    }

    @Test(arguments: [4, CSVReader.defaultChunkSize])
    func anUnterminatedQuoteInASkippedRecordNamesItsFirstLine(chunk: Int) throws {
        let text = "h\nok\n\"open and far too long\nfor the limit\n"
        #expect(throws: CSVReader.Failure.unterminatedQuote(line: 3)) { try Self.read(Array(text.utf8), chunk: chunk, limit: 8) }
    }

    @Test func aFinalRecordOverTheLimitWithoutALineBreak() throws {
        let got = try Self.read(Array("h\nabcdefghijklmnop".utf8), chunk: 5, limit: 8)
        #expect(got.map(\.0) == [1, 2])
        #expect(got.map(\.2) == [false, true])
    }

    /// A field larger than a whole chunk (3 MiB against 2 MiB chunks and the 1 MiB limit): skipped without
    /// growing the buffer, and the rows around it are read.
    @Test func aFieldLargerThanAChunkIsSkipped() throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        let bytes = Array("id,x\n1,a\n2,".utf8) + big + Array("\n3,c\n".utf8)
        let got = try Self.read(bytes)
        #expect(got.map(\.0) == [1, 2, 3, 4])
        #expect(got.map(\.1) == [["id", "x"], ["1", "a"], [], ["3", "c"]])
    }

    /// A line of a million delimiters fits the limit: one record of a million and one empty fields.
    @Test func aLineOfAMillionDelimiters() throws {
        let bytes = Array("a,b\n".utf8) + [UInt8](repeating: UInt8(ascii: ","), count: 1_000_000) + Array("\n1,2\n".utf8)
        try Fixtures.withFolder(["x.csv": bytes]) { dir in
            let r = try CSVReader(path: dir + "/x.csv", delimiter: UInt8(ascii: ","), encoding: .utf8)
            #expect(try r.next() && r.fieldCount == 2)
            #expect(try r.next() && r.fieldCount == 1_000_001 && !r.isOversized)
            #expect(try r.next() && r.line == 3 && r.string(1) == "2")
        }
    }

    /// Three million delimiters are over the limit: skipped as soon as the field table would grow past the
    /// limit, not split into three million fields.
    @Test(arguments: [64, CSVReader.defaultChunkSize])
    func aLineOfThreeMillionDelimitersIsSkipped(chunk: Int) throws {
        let bytes = Array("a,b\n".utf8) + [UInt8](repeating: UInt8(ascii: ","), count: 3_000_000) + Array("\n1,2\n".utf8)
        let got = try Self.read(bytes, chunk: chunk)
        #expect(got.map(\.0) == [1, 2, 3])
        #expect(got.map(\.2) == [false, true, false])
        #expect(got.last?.1 == ["1", "2"])
    }

    /// Many short fields over a small limit: the same outcome through the field-table check.
    @Test(arguments: [3, 7, 64])
    func manyFieldsOverASmallLimit(chunk: Int) throws {
        let bytes = Array(("h\n" + String(repeating: "x,", count: 100) + "\nlast\n").utf8)
        let got = try Self.read(bytes, chunk: chunk, limit: 150)
        #expect(got.map(\.0) == [1, 2, 3])
        #expect(got.map(\.2) == [false, true, false])
    }

    /// Found by FuzzCSVReader: with windows-1252 and chunks under 9 bytes, the first read held fewer than the
    /// byte-order mark's 3 bytes, so the mark was read as "ï»¿" at the start of the first header.
    @Test(arguments: [3, 4, 5, 8, 9, CSVReader.defaultChunkSize])
    func aByteOrderMarkIsSkippedAtEveryChunkSize(chunk: Int) throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a;b\r\n1;2\r\n".utf8)
        for encoding in [CSVDialect.Encoding.utf8, .windows1252] {
            let got = try Self.read(bytes, delimiter: ";", encoding: encoding, chunk: chunk)
            #expect(got.map(\.1) == [["a", "b"], ["1", "2"]], "\(encoding)")
        }
    }

    /// Found by FuzzCSVReader: an undefined windows-1252 byte was reported when its chunk was read, with a
    /// line that counted only LF, so a lone CR before it gave line 2 or 3 depending on the chunk size.
    @Test(arguments: [3, 4, 5, 43, CSVReader.defaultChunkSize])
    func anUndefinedWindows1252ByteAfterALoneCRIsOnTheSameLineForEveryChunkSize(chunk: Int) throws {
        let bytes: [UInt8] = Array("a\rb\r\nc".utf8) + [0x9D] + Array("d\n".utf8)
        #expect(throws: CSVReader.Failure.invalidEncoding(line: 3)) { try Self.read(bytes, encoding: .windows1252, chunk: chunk) }
    }

    /// The rows before an undefined windows-1252 byte are read first, whatever the chunk size.
    @Test(arguments: [3, CSVReader.defaultChunkSize])
    func rowsBeforeAnUndefinedWindows1252ByteAreRead(chunk: Int) throws {
        let bytes: [UInt8] = Array("a\nb\n".utf8) + [0x81] + Array("\n".utf8)
        try Fixtures.withFolder(["x.csv": bytes]) { dir in
            let r = try CSVReader(path: dir + "/x.csv", delimiter: UInt8(ascii: ","), encoding: .windows1252, chunkSize: chunk)
            #expect(try r.next() && r.string(0) == "a")
            #expect(try r.next() && r.string(0) == "b")
            #expect(throws: CSVReader.Failure.invalidEncoding(line: 3)) { try r.next() }
        }
    }
}
