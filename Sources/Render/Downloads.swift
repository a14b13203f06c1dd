/// The data files offered for download, with what each holds.
enum Downloads {
    static let list: [(path: String, what: String)] = [
        ("data/kpis.json", "every figure, machine-readable (JSON)"),
        ("data/scorecard.xlsx", "the weeks, months, campaigns, campaign SKUs and categories as one workbook, sheet by sheet (Excel)"),
        ("data/weeks.csv", "the period figures of every week (CSV)"),
        ("data/campaigns.csv", "the figures of every campaign (CSV)"),
        ("data/campaign_skus.csv", "every SKU of every campaign: ordered, due, on time, shortfall, lead time, stock (CSV)"),
        ("data/rejected.csv", "every rejected input row with file, line and reason (CSV)"),
    ]
}
