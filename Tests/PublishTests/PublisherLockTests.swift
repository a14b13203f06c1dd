import Foundation
import Testing
@testable import Publish

@Suite("Publisher lock")
struct PublisherLockTests {
    @Test("a second lock on the same OUT fails with a message naming the folder, and succeeds after release")
    func contentionBetweenDescriptors() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let publisher = Publisher(out: tmp.path + "/site")
        let first = try publisher.lock(waitSeconds: 0)
        // flock locks belong to the open file description, so a second open() in the same process conflicts
        // exactly as a second process would.
        let error = #expect(throws: PublishError.self) { try publisher.lock(waitSeconds: 0) }
        #expect(error?.description.contains("another build is publishing into \(tmp.path)/site") == true)
        first.release()
        first.release()  // idempotent
        let second = try publisher.lock(waitSeconds: 0)
        second.release()
    }

    @Test("a waiting build gets the lock once the running one releases it")
    func waitsForRelease() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let publisher = Publisher(out: tmp.path + "/site")
        let first = try publisher.lock(waitSeconds: 0)
        let releaser = Thread { usleep(300_000); first.release() }
        releaser.start()
        let second = try publisher.lock(waitSeconds: 30)
        second.release()
    }

    @Test("a lock held by another process blocks; once that process is killed with SIGKILL it does not")
    func lockOfKilledProcess() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let publisher = Publisher(out: tmp.path + "/site")
        // The shell takes the same flock on the lock file, says so, then becomes `sleep` holding it.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "exec 9>>\"$0\"; flock -x 9; echo locked; exec sleep 60", publisher.lockPath]
        let pipe = Pipe()
        holder.standardOutput = pipe
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL); holder.waitUntilExit() } }
        let line = String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self)
        #expect(line == "locked\n")

        #expect(throws: PublishError.self) { try publisher.lock(waitSeconds: 0) }
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        let lock = try publisher.lock(waitSeconds: 0)
        lock.release()
    }

    @Test("OUT as a link not made by scorecard is refused before any work")
    func foreignLink() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        try FileManager.default.createDirectory(atPath: tmp.path + "/www", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: tmp.path + "/site", withDestinationPath: "www")
        let error = #expect(throws: PublishError.self) { try Publisher(out: tmp.path + "/site").lock(waitSeconds: 0) }
        #expect(error?.description.contains("symbolic link to www") == true)
    }

    @Test("the parent folder of OUT is created")
    func createsParent() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let lock = try Publisher(out: tmp.path + "/a/b/site").lock(waitSeconds: 0)
        lock.release()
        #expect(tmp.list("a/b") == [".site.lock"])
    }
}
