import Foundation
import ScorecardCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program in a process group of its own, with a deadline: a browser's helper processes are
/// killed with it, and a hung one cannot stall a build run from cron.
struct ChildProcess {
    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    var executable: String
    var arguments: [String]
    /// `NAME=value` entries; the child sees only these.
    var environment: [String]
    /// Where the child's standard output and error go (its standard input is `/dev/null`).
    var log: String

    /// Starts the program and waits for it, at most `timeout` seconds; then the whole group is killed.
    /// Whatever the outcome, every process left in the group is killed before this returns.
    func run(timeout: Double) throws(PrintError) -> Outcome {
        let pid: pid_t
        switch ProcessGroup.spawn(executable, arguments, environment: environment, log: log) {
        case .success(let child): pid = child
        case .failure(let error): throw PrintError("cannot start the browser: \(error.reason)", path: executable)
        }
        defer { _ = kill(-pid, SIGKILL) }

        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0, errno != EINTR {
                throw PrintError("cannot wait for the browser: \(String(cString: strerror(errno)))", path: executable)
            }
            if Date() >= deadline {
                _ = kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                return .timedOut
            }
            usleep(50_000)
        }
        return ProcessGroup.exitCode(status).map { .exited($0) } ?? .signalled(ProcessGroup.signal(status))
    }
}
