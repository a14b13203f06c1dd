import Foundation
import Ingest
import ScorecardCore

/// Reads one CSV file of an aggregate folder row by row, its fields by column name.
final class AggregateFileReader {
    let file: String
    private let reader: CSVReader
    private var columns: [String: Int] = [:]

    init(directory: String, name: String) throws(AggregateFolderError) {
        let file = URL(fileURLWithPath: directory).appendingPathComponent(name).path
        self.file = file
        let header: Bool
        do throws(CSVReader.Failure) {
            reader = try CSVReader(path: file, delimiter: UInt8(ascii: ","), encoding: .utf8)
            header = try reader.next()
        } catch {
            throw AggregateFolderError("\(name) cannot be read (\(error))", file: file)
        }
        guard header else { throw AggregateFolderError("\(name) has no header", file: file) }
        for k in 0..<reader.fieldCount { columns[reader.string(k)] = k }
    }

    /// The field index of a column; the file must have it.
    func column(_ name: String) throws(AggregateFolderError) -> Int {
        guard let k = columns[name] else { throw AggregateFolderError("\(URL(fileURLWithPath: file).lastPathComponent) has no column \(name)", file: file, line: 1) }
        return k
    }

    /// The field index of a column the file may lack.
    func optionalColumn(_ name: String) -> Int? { columns[name] }

    func next() throws(AggregateFolderError) -> Bool {
        while true {
            let more: Bool
            do throws(CSVReader.Failure) {
                more = try reader.next()
            } catch {
                throw AggregateFolderError("cannot be read (\(error))", file: file, line: reader.line)
            }
            guard more else { return false }
            if reader.isOversized { throw failure("a row longer than the reader's limit") }
            if reader.fieldCount == 1, reader.field(0).isEmpty { continue }
            return true
        }
    }

    func string(_ k: Int) -> String { reader.string(k) }

    func int(_ k: Int) throws(AggregateFolderError) -> Int {
        guard let v = Int(reader.string(k)) else { throw failure("\"\(reader.string(k))\" is not a whole number") }
        return v
    }

    /// A number; `nil` for an empty field.
    func optionalDouble(_ k: Int) throws(AggregateFolderError) -> Double? {
        let s = reader.string(k)
        if s.isEmpty { return nil }
        guard let v = Double(s), v.isFinite else { throw failure("\"\(s)\" is not a number") }
        return v
    }

    func double(_ k: Int) throws(AggregateFolderError) -> Double {
        guard let v = try optionalDouble(k) else { throw failure("a number is missing") }
        return v
    }

    func day(_ k: Int) throws(AggregateFolderError) -> Day {
        guard let d = Day(iso: reader.string(k)) else { throw failure("\"\(reader.string(k))\" is not a date YYYY-MM-DD") }
        return d
    }

    func failure(_ message: String) -> AggregateFolderError {
        AggregateFolderError("\(URL(fileURLWithPath: file).lastPathComponent): \(message)", file: file, line: reader.line)
    }
}
