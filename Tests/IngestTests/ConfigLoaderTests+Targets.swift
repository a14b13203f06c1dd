import Testing
import ScorecardCore
@testable import Ingest

/// `targets.figures` and `report.max_weeks`.
@Suite struct ConfigTargetsTests {
    @Test func figureTargetsInTheOrderGiven() throws {
        let config = try ConfigLoader.parse("""
        targets:
          figures:
            emergency_freight_share: {max: 0.10}
            forecast_accuracy: {min: 0.70}
            promo_lead_time_p90: {min: 1, max: 10}
        report:
          max_weeks: 52
        """, file: "s.yml")
        #expect(config.targets.figures == [
            Config.FigureTarget(key: "emergency_freight_share", max: 0.10),
            Config.FigureTarget(key: "forecast_accuracy", min: 0.70),
            Config.FigureTarget(key: "promo_lead_time_p90", min: 1, max: 10),
        ])
        #expect(config.targets.figure("forecast_accuracy")?.min == 0.70)
        #expect(config.report.maxWeeks == 52)
        #expect(Config().report.maxWeeks == 260)
    }

    @Test func minIsMetAtTheBoundAndNullIsNeither() {
        let t = Config.FigureTarget(key: "forecast_accuracy", min: 0.7)
        #expect(t.isMet(by: 0.7) == true)
        #expect(t.isMet(by: 0.69) == false)
        #expect(t.isMet(by: nil) == nil)
        let m = Config.FigureTarget(key: "return_rate", max: 0.03)
        #expect(m.isMet(by: 0.03) == true)
        #expect(m.isMet(by: 0.031) == false)
    }

    @Test func unknownFigureAndBadBoundsNameKeyAndLine() {
        let yaml = """
        targets:
          figures:
            forecast_acuracy: {min: 0.7}
            return_rate: {maximum: 0.1}
            promo_return_rate: {min: high}
            other_return_rate: {min: 0.5, max: 0.1}
            inventory_turns_other: {}
            top_shortfall: {max: 1}
        report:
          max_weeks: 0
        """
        do {
            _ = try ConfigLoader.parse(yaml, file: "s.yml")
            Issue.record("expected a ConfigError")
        } catch {
            let lines = error.diagnostics.map(\.description)
            let expectations: [(String, Int)] = [
                ("unknown figure targets.figures.forecast_acuracy", 3), ("targets.figures.return_rate.maximum", 4),
                ("targets.figures.promo_return_rate.min must be a number", 5), ("min 0.5 is above max 0.1", 6),
                ("targets.figures.inventory_turns_other needs min, max or both", 7),
                ("unknown figure targets.figures.top_shortfall", 8), ("report.max_weeks", 10),
            ]
            #expect(error.diagnostics.count == expectations.count, "\(lines)")
            for (text, line) in expectations {
                #expect(lines.contains { $0.hasPrefix("s.yml:\(line):") && $0.contains(text) }, "\(text) on line \(line): \(lines)")
            }
        }
    }
}
