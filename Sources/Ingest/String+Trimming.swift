extension String {
    /// Without surrounding spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        let u = Array(utf8)
        var s = 0, e = u.count
        while s < e, u[s] == 32 || u[s] == 9 || u[s] == 10 || u[s] == 13 { s += 1 }
        while e > s, u[e - 1] == 32 || u[e - 1] == 9 || u[e - 1] == 10 || u[e - 1] == 13 { e -= 1 }
        return String(decoding: u[s..<e], as: UTF8.self)
    }
}
