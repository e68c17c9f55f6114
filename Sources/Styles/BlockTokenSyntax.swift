import Anvil

/// The strict form of a block token in a style file: `namespace:name` or
/// `namespace:name[key=value,…]` with Minecraft's resource-location characters (a missing
/// namespace means `minecraft:`).
///
/// `BlockState(token:)` accepts any text between the brackets; a style file is typed by hand, so
/// here a capital letter, a space or a repeated key is an error instead of a block that never matches.
enum BlockTokenSyntax {
    /// The state `text` spells, or `nil` when it is not of the strict form.
    static func parse(_ text: String) -> BlockState? {
        guard let state = BlockState(token: text) else { return nil }
        let parts = state.name.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, isIdentifier(parts[0], extra: "-."), isIdentifier(parts[1], extra: "-./") else {
            return nil
        }
        guard state.properties.allSatisfy({ isIdentifier($0.key[...], extra: "") && isIdentifier($0.value[...], extra: "") }) else {
            return nil
        }
        // `BlockState(token:)` keeps the last of repeated keys; count the pairs written.
        if let open = text.firstIndex(of: "[") {
            let body = text[text.index(after: open)...].dropLast()
            let written = body.isEmpty ? 0 : body.split(separator: ",", omittingEmptySubsequences: false).count
            guard written == state.properties.count else { return nil }
        }
        return state
    }

    /// Non-empty and only `a-z`, `0-9`, `_` and the `extra` characters.
    private static func isIdentifier(_ text: Substring, extra: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_" || extra.unicodeScalars.contains(c)
        }
    }
}
