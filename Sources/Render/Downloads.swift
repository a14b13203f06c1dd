/// The data files offered for download, with what each holds.
enum Downloads {
    static let list: [(path: String, what: String)] = [
        ("data/kpis.json", "every figure, machine-readable (JSON)"),
        ("data/weeks.csv", "the period figures of every week (CSV)"),
        ("data/campaigns.csv", "the figures of every campaign (CSV)"),
        ("data/rejected.csv", "every rejected input row with file, line and reason (CSV)"),
    ]
}
