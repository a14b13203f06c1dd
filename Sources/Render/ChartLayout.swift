/// The geometry of a chart in SVG user units. Every chart is drawn twice: `wide` for screens from 640 px
/// and print, `narrow` for phones, where it is shown at about its own size (360 units in a 366 px column
/// on a 390 px phone), so its 11 and 12 unit text reads at 11 and 12 px instead of shrinking to 6 px as the
/// wide drawing would. The stylesheet shows one of them (`svg.chart-wide`, `svg.chart-narrow`); the other
/// is `display: none`, so assistive technology meets one chart.
struct ChartLayout: Sendable {
    var width: Double
    var height: Double
    var left: Double
    var right: Double
    var bottom: Double
    /// Where the rotated value-axis title is centred horizontally.
    var yTitleX: Double
    /// Suffix of the ids inside the SVG, so both drawings' ids are unique on the page.
    var idSuffix: String
    var cssClass: String

    static let wide = ChartLayout(width: 560, height: 270, left: 60, right: 14, bottom: 50, yTitleX: 14, idSuffix: "", cssClass: "chart-wide")
    static let narrow = ChartLayout(width: 360, height: 250, left: 56, right: 10, bottom: 44, yTitleX: 10, idSuffix: "-narrow",
                                    cssClass: "chart-narrow")
    static let both = [wide, narrow]

    /// Legend rows are this far apart; the first one's text baseline is at y = 20.
    static let legendRow = 18.0
    /// A conservative width of one character of 12-unit legend text.
    static let legendChar = 7.2

    /// The legend: one `(x, row)` per item of the given name lengths, wrapping to a new row where an item
    /// would pass the right edge. An item is a 28-unit sample, 6 units of space, the name and 12 units after.
    func legend(_ nameLengths: [Int]) -> [(x: Double, row: Int)] {
        var x = left, row = 0
        var places: [(x: Double, row: Int)] = []
        for n in nameLengths {
            let w = 34 + Double(n) * Self.legendChar
            if x > left, x + w > width - right { x = left; row += 1 }
            places.append((x, row))
            x += w + 12
        }
        return places
    }

    /// The plot's top edge below a legend of `rows` rows.
    func top(legendRows rows: Int) -> Double { 22 + Self.legendRow * Double(max(rows, 1)) }
}
