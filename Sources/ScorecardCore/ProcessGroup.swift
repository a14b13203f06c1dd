#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starting a helper program (a browser that prints PDFs, `spark-submit`) in a process group of its
/// own, so that one signal to the group reaches every process it starts in turn.
public enum ProcessGroup {
    /// Starts `executable` with standard input from `/dev/null` and standard output and error into
    /// `log` (created or truncated), as the leader of a new process group.
    ///
    /// - Returns: the child's pid, or the `errno` that says why it did not start.
    public static func spawn(_ executable: String, _ arguments: [String], environment: [String],
                             log: String) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        var code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        // "Text file busy": the program was written a moment ago and a process started meanwhile still
        // holds it open for writing (it inherited the descriptor, which closes at its own exec). That
        // passes within milliseconds; retry for at most a second.
        var retries = 0
        while code == ETXTBSY, retries < 20 {
            usleep(50_000)
            retries += 1
            code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        }
        return code == 0 ? .success(pid) : .failure(SpawnError(code: code))
    }

    /// Why a program did not start.
    public struct SpawnError: Error, Sendable {
        public var code: Int32
        public var reason: String { String(cString: strerror(code)) }
    }

    /// The exit status of a `waitpid` status word: the exit code, or `nil` when a signal ended the
    /// process (`WIFEXITED` / `WEXITSTATUS`, which Swift does not import as functions).
    public static func exitCode(_ status: Int32) -> Int32? {
        status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
    }

    /// The signal that ended the process (`WTERMSIG`).
    public static func signal(_ status: Int32) -> Int32 { status & 0x7F }
}
