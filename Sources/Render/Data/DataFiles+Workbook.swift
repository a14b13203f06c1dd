import Metrics
import ScorecardCore

/// `data/scorecard.xlsx`: the tables of the CSV files (and the months and categories of `kpis.json`) as
/// one workbook, for readers who open the numbers in a spreadsheet.
extension DataFiles {
    static let workbookPath = "data/scorecard.xlsx"

    /// The sheets Weeks, Months, Campaigns, Campaign SKUs and Categories, with the columns of
    /// `data/weeks.csv`, `data/campaigns.csv`, `data/campaign_skus.csv` and `kpis.json`'s `categories`, in
    /// their order. A caller may append more sheets before writing.
    static func workbookSheets(report: Report) -> [WorkbookSheet] {
        [
            sheet("Weeks", periodColumns, report.weeks),
            sheet("Months", periodColumns, report.months),
            sheet("Campaigns", campaignColumns, report.campaigns),
            sheet("Campaign SKUs", campaignSKUColumns, report.campaignSKUs),
            sheet("Categories", categoryColumns, report.categories),
        ] + report.segments.map(segmentSheet)
    }

    /// One sheet per segment dimension: every week of every value (in the order of its page), the value
    /// first, then the columns of `data/weeks.csv`.
    static func segmentSheet(_ d: DimensionReport) -> WorkbookSheet {
        let rows = d.views.flatMap { view in view.weeks.map { (label: view.label, week: $0) } }
        let columns: [(String, @Sendable ((label: String, week: PeriodFigures)) -> DataValue)] =
            [(d.key, { @Sendable row in .string(row.label) })] + periodColumns.map { key, value in (key, { @Sendable row in value(row.week) }) }
        return sheet(d.label, columns, rows)
    }

    static func workbook(report: Report, title: String) throws(RenderError) -> [UInt8] {
        try WorkbookWriter(sheets: workbookSheets(report: report), title: "\(title) as of \(report.asOf)", date: report.asOf).bytes()
    }

    /// A sheet of the data-file columns that hold one value a row, each value typed by `cell(key:_:)`.
    static func sheet<Row>(_ name: String, _ columns: [(String, @Sendable (Row) -> DataValue)], _ rows: [Row]) -> WorkbookSheet {
        let scalar = columns.filter { !listKeys.contains($0.0) }
        return WorkbookSheet(name: name, rows: rows, columns: scalar.map { key, value in
            WorkbookColumn(key) { cell(key: key, value($0)) }
        })
    }

    /// Keys whose text is a date (`2026-11-15`), written as a real date.
    static let dateKeys: Set<String> = ["start", "end", "date"]
    /// Ratios of the campaign, campaign-SKU and category tables, shown as percentages (period figures
    /// take their kind from `PeriodFigure`).
    static let percentKeys: Set<String> = ["fill_rate", "plan_attainment", "return_rate", "readiness", "readiness_with_inbound"]

    /// A data value as a workbook cell: dates as dates, rates and shares as percentages, counts and whole
    /// days as integers, money, units and everything else numeric with two decimals, `null` as no cell.
    static func cell(key: String, _ value: DataValue) -> WorkbookCell {
        switch value {
        case .string(let s):
            guard let s else { return .empty }
            if dateKeys.contains(key), let day = Day(iso: s) { return .date(day) }
            return .text(s)
        case .number(let d):
            return d.map { .number($0, numberFormat(key: key)) } ?? .empty
        case .integer(let i):
            return .number(Double(i), .integer)
        case .days(let d):
            return d.map { .number($0.rounded(.towardZero), .integer) } ?? .empty
        case .bool(let b):
            return .bool(b)
        case .objects:
            return .empty
        }
    }

    static func numberFormat(key: String) -> WorkbookNumberFormat {
        if let kind = PeriodFigure.named(key)?.kind {
            switch kind {
            case .percent, .signedPercent: return .percent
            case .count, .days: return .integer
            case .money, .quantity, .turns: return .decimal
            }
        }
        if percentKeys.contains(key) || key.hasSuffix("_rate") || key.hasSuffix("_share") || key.hasSuffix("_accuracy") {
            return .percent
        }
        return .decimal
    }
}
