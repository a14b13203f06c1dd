import Foundation
import Testing
@testable import Engine

/// What a failed Spark job leaves on stderr: the lines that say what went wrong, not Java's stack frames.
@Suite struct SparkLogTests {
    @Test func theLastLinesSkipStackFramesAndRepeats() throws {
        let log = """
            26/12/06 01:02:01 INFO SparkContext: Running Spark version 4.0.1
            26/12/06 01:02:05 WARN StandaloneAppClient$ClientEndpoint: Failed to connect to master 127.0.0.1:1
            Caused by: java.net.ConnectException: Connection refused
            \tat io.netty.channel.unix.Errors.newConnectException0(Errors.java:166)
            \t... 8 more
            Caused by: java.net.ConnectException: Connection refused
            26/12/06 01:02:08 ERROR StandaloneSchedulerBackend: Application has been killed. Reason: All masters are unresponsive! Giving up.
            Traceback (most recent call last):
              File "/tmp/scorecard_job.py", line 1940, in <module>
            py4j.protocol.Py4JJavaError: An error occurred while calling None.org.apache.spark.sql.SparkSession.

            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spark-log-\(UUID().uuidString).txt")
        try log.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(SparkEngine.tail(of: url.path) == [
            "Caused by: java.net.ConnectException: Connection refused",
            "26/12/06 01:02:08 ERROR StandaloneSchedulerBackend: Application has been killed. Reason: All masters are unresponsive! Giving up.",
            "Traceback (most recent call last):",
            "py4j.protocol.Py4JJavaError: An error occurred while calling None.org.apache.spark.sql.SparkSession.",
        ])
    }
}
