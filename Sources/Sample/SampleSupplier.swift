/// One supplier of the sample's purchasing: who a product is bought from, how long it takes, how reliable it is.
struct SampleSupplier {
    var name: String
    /// Days from the purchase order to its due date, as the supplier quotes it.
    var quotedDays: ClosedRange<Int>
    /// Share of lines that arrive after their due date.
    var lateShare: Double

    /// Two suppliers per category (`SampleProduct.categories` order): a near one and a far one, whose quoted
    /// lead times differ, so supplier lead time varies by category and by supplier.
    static let byCategory: [[SampleSupplier]] = [
        [SampleSupplier(name: "Hanseatic Roasters GmbH", quotedDays: 7...10, lateShare: 0.05),
         SampleSupplier(name: "Café do Brasil Exportadora", quotedDays: 21...28, lateShare: 0.15)],
        [SampleSupplier(name: "Teekontor Bremen", quotedDays: 10...14, lateShare: 0.06),
         SampleSupplier(name: "Darjeeling Estates Ltd.", quotedDays: 28...35, lateShare: 0.18)],
        [SampleSupplier(name: "Schoko Werk AG", quotedDays: 7...12, lateShare: 0.08),
         SampleSupplier(name: "Chocolaterie Vanden Bossche", quotedDays: 10...14, lateShare: 0.10)],
        [SampleSupplier(name: "Aegean Dried Fruits, S.A.", quotedDays: 21...28, lateShare: 0.12),
         SampleSupplier(name: "California Nut Co.", quotedDays: 35...42, lateShare: 0.20)],
        [SampleSupplier(name: "Fromagerie Alpine", quotedDays: 4...7, lateShare: 0.05),
         SampleSupplier(name: "Dutch Dairy Coop", quotedDays: 5...8, lateShare: 0.08)],
        [SampleSupplier(name: "Gewürzmühle Nord", quotedDays: 10...14, lateShare: 0.06),
         SampleSupplier(name: "Malabar Spice Traders", quotedDays: 28...42, lateShare: 0.22)],
        [SampleSupplier(name: "Präsentkorb Manufaktur", quotedDays: 14...21, lateShare: 0.10),
         SampleSupplier(name: "Hamper & Co.", quotedDays: 21...28, lateShare: 0.12)],
        [SampleSupplier(name: "Solingen Stahlwaren", quotedDays: 10...14, lateShare: 0.08),
         SampleSupplier(name: "Shenzhen Homeware Ltd.", quotedDays: 42...56, lateShare: 0.25)],
    ]

    /// Weeks between two regular orders of a product, per category: fresh cheese weekly, imports monthly.
    static let reviewWeeks = [2, 4, 2, 4, 1, 4, 4, 4]
    /// Days of planned demand kept as stock beyond the order cycle, per category: fresh cheese little,
    /// kitchenware and spices much (so weeks of cover differ by category).
    static let coverDays = [10, 21, 14, 17, 6, 28, 21, 35]
}
