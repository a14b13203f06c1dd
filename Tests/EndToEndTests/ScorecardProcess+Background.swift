import Foundation

extension ScorecardProcess {
    /// A `scorecard` process started without waiting, to be killed or raced against another one.
    final class Running {
        let process: Process
        private let errorFile: URL

        init(_ arguments: [String], in directory: URL?) throws {
            process = Process()
            process.executableURL = ScorecardProcess.executable
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = directory }
            // stderr into a file, not a pipe: a process that is never read from must not block on a full pipe.
            errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-e2e-stderr-\(UUID().uuidString)")
            _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errorFile)
            process.standardOutput = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
            try? FileManager.default.removeItem(at: errorFile)
        }

        /// `kill -9`, then wait for the process to be gone.
        func killNine() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        /// Waits for the exit; the status and everything written to stderr.
        func wait() -> (status: Int32, stderr: String) {
            process.waitUntilExit()
            let stderr = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            return (process.terminationStatus, stderr)
        }
    }

    /// Starts `scorecard ARGS` in `directory` and returns at once.
    static func start(_ arguments: [String], in directory: URL? = nil) throws -> Running {
        try Running(arguments, in: directory)
    }
}
