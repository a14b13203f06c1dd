import Foundation
@testable import Setup

/// A temporary data folder with files written from strings, removed when the test is done.
final class DataFolderFixture {
    let url: URL

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-setup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, Array(text.utf8)) }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    var path: String { url.path }

    /// Inspects and plans, as `scorecard init` does.
    func plan(limits: FileSample.Limits = FileSample.Limits()) -> SetupPlan {
        SetupPlan.make(ExportInspection.inspect(dataDirectory: path, limits: limits))
    }
}
