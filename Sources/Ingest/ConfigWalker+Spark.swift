import ScorecardCore
import Yams

/// `spark:` of the config.
extension ConfigWalker {
    mutating func readSpark(_ node: Node) -> SparkConfig {
        var spark = SparkConfig()
        for (k, v) in mapping(node, path: "spark") ?? [] {
            let name = keyName(k)
            switch name {
            case "submit":
                if let s = string(v, path: "spark.submit") {
                    if s.trimmingWhitespace.isEmpty { problem("spark.submit must name the spark-submit to run", v) } else {
                        spark.submit = s.trimmingWhitespace
                        spark.submitLocation = SourceLocation(file: file, line: v.mark?.line, column: v.mark?.column)
                    }
                }
            case "master":
                if let s = string(v, path: "spark.master") {
                    if s.trimmingWhitespace.isEmpty { problem("spark.master must name a master (local[*], spark://host:7077, yarn, …)", v) } else {
                        spark.master = s.trimmingWhitespace
                    }
                }
            case "conf":
                for (ck, cv) in mapping(v, path: "spark.conf") ?? [] {
                    let key = keyName(ck)
                    guard cv.scalar != nil, !isNull(cv), let value = cv.string else { problem("spark.conf.\(key) must be a value", cv); continue }
                    spark.conf.append((key, value))
                }
            default: unknownKey("spark.\(name)", k)
            }
        }
        return spark
    }
}
