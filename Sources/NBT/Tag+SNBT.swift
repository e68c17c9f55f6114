extension Tag {
    /// This tag as SNBT text; see `SNBT` for the exact format.
    ///
    /// ```swift
    /// Tag.compound(level.root).snbt()                 // pretty, arrays cut after 64 elements
    /// Tag.intArray([1, 2]).snbt(indent: 0)            // "[I; 1, 2]"
    /// ```
    /// - Parameters:
    ///   - indent: spaces per level; 0 prints one line.
    ///   - maxElements: array/list elements printed before `… N more`; `nil` prints all.
    public func snbt(indent: Int = 4, maxElements: Int? = 64) -> String {
        SNBT.format(self, options: SNBT.Options(indent: indent, maxElements: maxElements))
    }
}
