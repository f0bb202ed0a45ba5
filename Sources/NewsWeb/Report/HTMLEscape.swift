/// Escaping for text written into HTML.
enum HTMLEscape {
    /// `text` safe as element content: `&`, `<` and `>` escaped; control characters other than
    /// tab and line feed dropped (they are not allowed in HTML).
    static func text(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
                if scalar.value >= 0x7F && scalar.value < 0xA0 { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` safe inside a double-quoted attribute value: also `"` and `'` escaped, and line
    /// breaks kept as `&#10;`.
    static func attribute(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n": result += "&#10;"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A string usable as (part of) an `id` or class name: ASCII letters, digits, `-` and `_`
    /// kept, everything else as `_` followed by its code in hex, so distinct inputs stay distinct.
    static func identifier(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "-"
            {
                result.unicodeScalars.append(scalar)
            } else {
                result += "_" + String(scalar.value, radix: 16)
            }
        }
        return result
    }
}
