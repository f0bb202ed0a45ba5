import NewsModel

/// Reads the Reuters-21578 collection's SGML files (`reut2-NNN.sgm`): each `<REUTERS>` story
/// becomes the text of one article, in the form ``TextReader`` reads — `date`, `title` and
/// `source` lines, then the dateline and the body's paragraphs.
///
/// The files are ASCII with a few bytes of another encoding; a byte that does not begin valid
/// UTF-8 is read as Latin-1 (its code point), so no story is refused for its encoding. SGML
/// character references (`&lt;`, `&amp;`, `&#3;`) are decoded; control characters are dropped.
/// Lines of the body are joined; a line indented by three spaces or more starts a paragraph.
/// The closing signature (`Reuter`) is left out. A story without a body (a brief, a table) is
/// its title alone when it has one, and is skipped otherwise.
public struct ReutersReader: Sendable {
    /// One story.
    public struct Story: Sendable, Equatable {
        /// `reuters-NEWID`.
        public var id: String
        /// The story's NEWID attribute.
        public var newID: String
        /// The day the story was filed.
        public var date: CalendarDate?
        /// The article text, metadata lines first.
        public var text: String
    }

    /// Creates a reader.
    public init() {}

    /// Whether a file name is one of the collection's SGML files.
    public static func isReutersFile(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".sgm")
    }

    /// The stories in a file's bytes, in order.
    public func stories(in bytes: [UInt8]) -> [Story] {
        let text = Self.decode(bytes)
        var stories: [Story] = []
        var rest = Substring(text)
        while let open = rest.range(of: "<REUTERS") {
            guard let close = rest.range(of: "</REUTERS>", range: open.upperBound..<rest.endIndex) else { break }
            if let story = story(rest[open.lowerBound..<close.upperBound]) { stories.append(story) }
            rest = rest[close.upperBound...]
        }
        return stories
    }

    /// One `<REUTERS …>…</REUTERS>` element.
    private func story(_ element: Substring) -> Story? {
        let header = element[..<(element.firstIndex(of: ">") ?? element.endIndex)]
        guard let newID = Self.attribute("NEWID", in: header) else { return nil }
        let date = Self.content("DATE", in: element).flatMap(Self.date)
        let title = Self.content("TITLE", in: element).map(Self.entities).map(Self.collapse)
        let dateline = Self.content("DATELINE", in: element).map(Self.entities).map(Self.collapse)
        let body = Self.content("BODY", in: element).map(Self.entities)
        var lines: [String] = []
        if let date { lines.append("date \(date.iso)") }
        if let title, !title.isEmpty { lines.append("title \(title)") }
        lines.append("source Reuters")
        var paragraphs = body.map(Self.paragraphs) ?? []
        if let last = paragraphs.last, last.hasSuffix(" Reuter") || last == "Reuter" {
            paragraphs[paragraphs.count - 1] = String(last.dropLast("Reuter".count)).trimmingBlanks
            if paragraphs[paragraphs.count - 1].isEmpty { paragraphs.removeLast() }
        }
        if paragraphs.isEmpty {
            guard let title, !title.isEmpty else { return nil }
            paragraphs = [title.hasSuffix(".") ? title : title + "."]
        }
        if let place = dateline.flatMap(Self.place), !place.isEmpty {
            paragraphs[0] = "\(place) (Reuters) — " + paragraphs[0]
        }
        return Story(id: "reuters-\(newID)", newID: newID, date: date,
                     text: lines.joined(separator: "\n") + "\n\n" + paragraphs.joined(separator: "\n\n") + "\n")
    }

    // MARK: - SGML

    /// The bytes as text: UTF-8 where it is valid, any other byte as Latin-1.
    static func decode(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
            if length > 1, index + length <= bytes.count,
               let decoded = String(validating: bytes[index..<(index + length)], as: UTF8.self), let scalar = decoded.unicodeScalars.first {
                scalars.append(scalar)
                index += length
            } else {
                scalars.append(Unicode.Scalar(byte))
                index += 1
            }
        }
        return String(scalars)
    }

    /// The text of the first `<TAG>…</TAG>` in `element`.
    static func content(_ tag: String, in element: Substring) -> String? {
        guard let open = element.range(of: "<\(tag)>"),
              let close = element.range(of: "</\(tag)>", range: open.upperBound..<element.endIndex)
        else { return nil }
        return String(element[open.upperBound..<close.lowerBound])
    }

    /// The value of `NAME="…"` in a start tag.
    static func attribute(_ name: String, in header: Substring) -> String? {
        guard let start = header.range(of: "\(name)=\"") else { return nil }
        let rest = header[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// Character references decoded; control characters other than line breaks dropped.
    static func entities(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let after = rest[amp...]
            if let semicolon = after.firstIndex(of: ";"), after.distance(from: amp, to: semicolon) <= 8 {
                let name = after[after.index(after: amp)..<semicolon]
                switch name {
                case "lt": output += "<"
                case "gt": output += ">"
                case "amp": output += "&"
                case "quot": output += "\""
                default:
                    if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                        if code >= 32 || code == 10 { output.unicodeScalars.append(scalar) }
                    } else {
                        output += after[amp...semicolon]
                    }
                }
                rest = after[after.index(after: semicolon)...]
            } else {
                output += "&"
                rest = after.dropFirst()
            }
        }
        output += rest
        return String(output.unicodeScalars.filter { $0.value >= 32 || $0 == "\n" })
    }

    /// The body's paragraphs: lines joined, a line indented by three spaces or more starting one.
    static func paragraphs(_ body: String) -> [String] {
        var paragraphs: [String] = []
        var current: [String] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let indented = line.prefix(3).allSatisfy { $0 == " " } && line.count > 3
            let trimmed = String(line).trimmingBlanks
            if (indented || trimmed.isEmpty) && !current.isEmpty {
                paragraphs.append(current.joined(separator: " "))
                current = []
            }
            if !trimmed.isEmpty { current.append(trimmed) }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs.map(collapse).filter { !$0.isEmpty }
    }

    /// White space runs as one space, trimmed.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// The place of a dateline such as `SALVADOR, Feb 26 -`.
    static func place(_ dateline: String) -> String? {
        let place = dateline.split(separator: ",").first.map(String.init)?.trimmingBlanks
        return place?.hasSuffix(" -") == true ? String(place!.dropLast(2)) : place
    }

    /// `26-FEB-1987 15:01:01.79` as a day.
    static func date(_ text: String) -> CalendarDate? {
        let day = text.trimmingBlanks.split(separator: " ").first ?? ""
        let parts = day.split(separator: "-")
        guard parts.count == 3, let number = Int(parts[0]), let month = TimeResolver.month(named: String(parts[1])),
              let year = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: number)
    }
}

extension String {
    /// The string without leading and trailing blanks.
    fileprivate var trimmingBlanks: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\n" || first == "\r" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\n" || last == "\r" { slice.removeLast() }
        return String(slice)
    }
}

extension Substring {
    /// The range of the first `target` in `range` (or all of `self`), without Foundation.
    fileprivate func range(of target: String, range: Range<Index>? = nil) -> Range<Index>? {
        let searched = range.map { self[$0] } ?? self[...]
        let needle = Array(target.utf8)
        guard let first = needle.first else { return nil }
        var index = searched.startIndex
        while index < searched.endIndex {
            if searched.utf8[index] == first, searched[index...].utf8.starts(with: needle) {
                let end = searched.utf8.index(index, offsetBy: needle.count)
                return index..<end
            }
            index = searched.utf8.index(after: index)
        }
        return nil
    }
}
