import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls publishing needs, with `errno` turned into readable messages.
enum POSIX {
    /// What is at a path, without following a final symbolic link.
    enum Entry: Equatable {
        case missing
        case directory
        case symlink(target: String)
        case other
    }

    static func message(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    static func entry(at path: String) -> Entry {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink(target: readLink(path) ?? "")
        default: return .other
        }
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Entry names of a folder (without `.` and `..`), sorted; empty when it cannot be read.
    static func list(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// `mkdir -p`.
    static func makeDirectories(_ path: String) throws(PublishError) {
        if isDirectory(path) { return }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectories(String(path[..<slash]))
        }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw PublishError("cannot create the folder: \(message())", path: path)
        }
    }

    /// Writes `bytes` to a new or truncated file; a short write (a full disk) is an error.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(PublishError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PublishError("cannot write the file: \(message())", path: path) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw PublishError("cannot write the file: \(message(failure))", path: path) }
    }

    static func readFile(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// Removes a file, link or whole folder; a missing path is fine.
    static func removeTree(_ path: String) throws(PublishError) {
        guard entry(at: path) != .missing else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw PublishError("cannot remove: \(error.localizedDescription)", path: path)
        }
    }

    /// Copies a folder recursively, file contents byte for byte.
    static func copyTree(_ source: String, to destination: String) throws(PublishError) {
        try makeDirectories(destination)
        for entry in list(source) {
            let from = source + "/" + entry, to = destination + "/" + entry
            switch self.entry(at: from) {
            case .directory:
                try copyTree(from, to: to)
            case .symlink, .other, .missing:
                guard isFile(from), let bytes = readFile(from) else {
                    throw PublishError("cannot copy the archived file", path: from)
                }
                try writeFile(to, bytes)
            }
        }
    }

    /// Atomically exchanges two paths (Linux `renameat2(RENAME_EXCHANGE)`, macOS `renamex_np(RENAME_SWAP)`).
    /// - Returns: `false` when the system cannot exchange (then `errno` says why).
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if canImport(Glibc)
        // glibc ≥ 2.28 has renameat2, but Swift's Glibc module does not expose it; look it up at run time.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
            errno = ENOSYS
            return false
        }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2  // RENAME_EXCHANGE in <linux/fs.h>
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #elseif canImport(Darwin)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
        errno = ENOSYS
        return false
        #endif
    }

    /// A random hexadecimal token for folder names (not part of any published file, so determinism holds).
    static func token() -> String {
        String(UInt64.random(in: 0 ... .max), radix: 16)
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
