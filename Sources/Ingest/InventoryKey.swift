/// The duplicate key of an inventory row: (snapshot_date, sku, location), as dense numbers.
struct InventoryKey: Hashable {
    var date: Int32
    var product: Int32
    var location: Int32
}
