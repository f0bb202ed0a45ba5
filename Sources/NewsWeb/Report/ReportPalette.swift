#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The report's colours, one per speaker, chosen to meet WCAG 2.1 AA: the article's text on a
/// mark's background has a contrast ratio of at least 4.5:1 (success criterion 1.4.3), and the
/// outline of a speaker mention against the page has at least 3:1 (1.4.11, non-text contrast).
/// `ReportPaletteTests` computes every ratio.
public enum ReportPalette {
    /// One speaker's colours, as `#rrggbb`.
    public struct Swatch: Sendable, Equatable {
        /// The background of the speaker's statements.
        public var background: String
        /// The outline of the speaker's mentions and the legend's border.
        public var outline: String
    }

    /// The page's background.
    public static let page = "#ffffff"
    /// The article's text colour, on the page and on every mark.
    public static let text = "#1b1b1b"
    /// Secondary text (headers, details).
    public static let muted = "#4a4a4a"

    /// The speakers' colours, in the order speakers are assigned them; past the end they repeat
    /// (the legend's numbers still tell speakers apart).
    public static let swatches: [Swatch] = [
        Swatch(background: "#ffe08a", outline: "#8a6100"),  // amber
        Swatch(background: "#b9e3ff", outline: "#005a9c"),  // sky
        Swatch(background: "#c8f0c0", outline: "#2b6e1f"),  // green
        Swatch(background: "#ffc9d6", outline: "#a3173e"),  // rose
        Swatch(background: "#e0d2ff", outline: "#5b3aa8"),  // lavender
        Swatch(background: "#ffd5b0", outline: "#9a4400"),  // apricot
        Swatch(background: "#bfeee9", outline: "#006b63"),  // teal
        Swatch(background: "#f2d7f0", outline: "#8c2f86"),  // orchid
        Swatch(background: "#e4ecb8", outline: "#5a6b00"),  // lime
        Swatch(background: "#d6dde6", outline: "#3d4f63"),  // slate
        Swatch(background: "#ffe6e0", outline: "#a33a1f"),  // coral
        Swatch(background: "#d9f2ff", outline: "#00617a"),  // ice
        Swatch(background: "#f5e6c4", outline: "#7a5200"),  // sand
        Swatch(background: "#dcefd0", outline: "#3f6b1f"),  // sage
        Swatch(background: "#ead9ff", outline: "#6a2bb0"),  // violet
        Swatch(background: "#ffd9ec", outline: "#a01c63"),  // pink
    ]

    /// The swatch of the speaker with the given 0-based index.
    public static func swatch(_ index: Int) -> Swatch {
        swatches[((index % swatches.count) + swatches.count) % swatches.count]
    }

    /// The relative luminance of a `#rrggbb` colour (WCAG 2.1 definition), 0…1; `nil` for
    /// anything else.
    public static func luminance(_ hex: String) -> Double? {
        let digits = Array(hex.unicodeScalars)
        guard digits.count == 7, digits[0] == "#" else { return nil }
        var channels: [Double] = []
        for i in stride(from: 1, to: 7, by: 2) {
            guard let value = UInt8(String(String.UnicodeScalarView(digits[i...(i + 1)])), radix: 16) else { return nil }
            let c = Double(value) / 255
            channels.append(c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4))
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    /// The WCAG contrast ratio of two `#rrggbb` colours, 1…21; `nil` if either is not one.
    public static func contrast(_ a: String, _ b: String) -> Double? {
        guard let la = luminance(a), let lb = luminance(b) else { return nil }
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
