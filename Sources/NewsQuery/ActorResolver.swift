import NewsModel

/// Resolves the names users type (`Homan`, `Gov. Walz`, `the border czar`, `DHS`) to actors.
///
/// Every actor is known by keys: its id, canonical name, aliases and, for people, surname. A
/// reference is folded (case, diacritics, typographic apostrophes, a leading "the", a trailing
/// possessive) and scored against every key:
/// - 3: it equals a key (`DHS`, `Tom Homan`, `border czar`);
/// - 2: it equals a person's surname or given name (`Homan`);
/// - 1: it equals the words of one of the actor's mentions (the heading "Schools"), or every
///   word of it appears among a key's words (`Homeland` → Department of Homeland Security).
/// The best score wins; a tie at the best score is ambiguous and reported with the candidates.
/// No match at all is reported with the nearest key by edit distance.
public struct ActorResolver: Sendable {
    /// Why a reference does not resolve to exactly one actor.
    public enum Failure: Error, Sendable, Equatable {
        /// Nothing matches; `suggestion` is the nearest key and its actor, if any is close.
        case unknown(String, suggestion: (key: String, actor: Actor)?)
        /// Several actors match equally well.
        case ambiguous(String, candidates: [Actor])

        /// The one-line message for a diagnostic.
        public var message: String {
            switch self {
            case .unknown(let text, let suggestion):
                let text = Self.excerpt(text)
                guard let suggestion else {
                    return "unknown actor \"\(text)\" — try 'actors' to list them"
                }
                let named = suggestion.key == suggestion.actor.name
                    ? suggestion.actor.name : "\(suggestion.key) (\(suggestion.actor.name))"
                return "unknown actor \"\(text)\" — did you mean \(named)?"
            case .ambiguous(let text, let candidates):
                let text = Self.excerpt(text)
                let list = candidates.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
                return "\"\(text)\" could be \(list) — say which"
            }
        }

        /// At most 60 characters of what the user typed, with `…` when cut.
        static func excerpt(_ text: String) -> String {
            text.count <= 60 ? text : text.prefix(59) + "…"
        }

        /// Failures compare by message.
        public static func == (lhs: Failure, rhs: Failure) -> Bool { lhs.message == rhs.message }
    }

    /// One name an actor is known by, folded, with the score an equal reference gets.
    public struct Key: Sendable, Equatable {
        /// The name folded as references are (``ActorResolver/fold(_:)``).
        public var folded: String
        /// The name as written, for suggestions.
        public var display: String
        /// The actor's position in the resolver's actors.
        public var actor: Int
        /// 3 for a name, id or alias; 2 for a person's surname or given name; 1 for the words
        /// of one of its mentions.
        public var exactScore: Int

        /// Creates a key.
        public init(folded: String, display: String, actor: Int, exactScore: Int) {
            self.folded = folded
            self.display = display
            self.actor = actor
            self.exactScore = exactScore
        }

        /// The words of the key, for the partial matches (computed when needed: an exact
        /// reference, the common case, never needs them).
        var words: [String] { ActorResolver.words(folded) }
    }

    private let actors: [Actor]
    private let keys: [Key]

    /// Builds the name index for a model's actors.
    public init(actors: [Actor]) {
        self.actors = actors
        self.keys = actors.enumerated().flatMap { Self.keys(of: $1, at: $0) }
    }

    /// A resolver over keys already built (a store keeps them in a table and reads the ones a
    /// reference could match), with the actors they name, in corpus order.
    public init(keys: [Key], actors: [Actor]) {
        self.actors = actors
        self.keys = keys
    }

    /// The names `actor` is known by (it stands at `index` among the actors): its name, id and
    /// aliases (3), a person's surname and given name (2), and the words of its mentions other
    /// than pronouns (1) — each folded once, the first score kept.
    public static func keys(of actor: Actor, at index: Int) -> [Key] {
        var keys: [Key] = []
        func add(_ text: String, score: Int) {
            let folded = fold(text)
            guard !folded.isEmpty, !keys.contains(where: { $0.folded == folded }) else { return }
            keys.append(Key(folded: folded, display: text, actor: index, exactScore: score))
        }
        add(actor.name, score: 3)
        add(actor.id, score: 3)
        for alias in actor.aliases { add(alias, score: 3) }
        if actor.kind == .person {
            let parts = actor.name.split(separator: " ")
            if let last = parts.last, parts.count > 1 { add(String(last), score: 2) }
            if let first = parts.first, parts.count > 1 { add(String(first), score: 2) }
        }
        // How the article itself refers to the actor (the heading "Schools" for the school
        // districts): as weak as a match of words, so it never outranks a name and ties with
        // another actor's words are reported.
        for mention in actor.mentions where mention.form != .pronoun { add(mention.span.text, score: 1) }
        return keys
    }

    /// The actor a reference names.
    public func resolve(_ text: String) throws(Failure) -> Actor {
        let folded = Self.fold(text)
        var best = 0
        var matches: [Int] = []
        func consider(_ key: Key, score: Int) {
            if score > best {
                best = score
                matches = [key.actor]
            } else if score == best, !matches.contains(key.actor) {
                matches.append(key.actor)
            }
        }
        // A key equal to the reference scores 3 or 2; only without one do words count (1).
        for key in keys where key.folded == folded { consider(key, score: key.exactScore) }
        if best <= 1 {
            let words = Self.words(folded)
            if !words.isEmpty {
                for key in keys {
                    let keyWords = key.words
                    if words.allSatisfy({ keyWords.contains($0) }) { consider(key, score: 1) }
                }
            }
        }
        if matches.count == 1 { return actors[matches[0]] }
        if matches.count > 1 { throw .ambiguous(text, candidates: matches.map { actors[$0] }) }
        // Not a name: perhaps the start of one ("Hom"), which says more than a near spelling
        // ("Tom"). Still an error — a partial name never silently picks an actor.
        let started = startedNames(folded)
        if started.count > 1 && started.count <= 5 {
            throw .ambiguous(text, candidates: started.map { actors[$0.actor] })
        }
        if started.count == 1 { throw .unknown(text, suggestion: (started[0].display, actors[started[0].actor])) }
        throw .unknown(text, suggestion: nearest(to: folded))
    }

    /// For each actor with a name, alias or name word that starts with `folded` (at least two
    /// characters), its shortest such key; in the order of the actors.
    private func startedNames(_ folded: String) -> [Key] {
        guard folded.count >= 2 else { return [] }
        var best: [Int: Key] = [:]
        for key in keys where key.folded.hasPrefix(folded) || (!folded.contains(" ") && key.words.contains { $0.hasPrefix(folded) }) {
            if let kept = best[key.actor], kept.folded.count <= key.folded.count { continue }
            best[key.actor] = key
        }
        return best.values.sorted { $0.actor < $1.actor }
    }

    /// Whether the text names some actor (without diagnostics).
    public func names(_ text: String) -> Bool {
        (try? resolve(text)) != nil
    }

    private func nearest(to folded: String) -> (key: String, actor: Actor)? {
        var best: (key: Key, distance: Int)?
        let characters = Array(folded)
        let limit = max(1, characters.count / 3)
        for key in keys {
            let distance = editDistance(characters, Array(key.folded), limit: limit)
            if best == nil || distance < best!.distance || (distance == best!.distance && key.exactScore > best!.key.exactScore) {
                best = (key, distance)
            }
        }
        guard let best, best.distance <= limit else { return nil }
        return (best.key.display, actors[best.key.actor])
    }

    /// Folds a name for comparison: case, diacritics and apostrophes as in text search, a
    /// leading "the " dropped, a trailing possessive dropped, runs of spaces collapsed.
    public static func fold(_ text: String) -> String {
        // Byte by byte on the folded text's UTF-8: every byte removed or added is ASCII, so the
        // rest stays valid UTF-8 (scalar- or grapheme-wise work costs more on a cold start than
        // the rest of building the resolver).
        var bytes: [UInt8] = []
        var pendingSpace = false
        for byte in TextAnalyzer.fold(text).utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(byte)
        }
        let start = bytes.starts(with: Array("the ".utf8)) ? 4 : 0
        let end = bytes.count - TextAnalyzer.possessiveLength(bytes[start...])
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    public static func words(_ folded: String) -> [String] {
        var words: [String] = []
        for part in folded.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "-" }) {
            var word = part
            while let last = word.last, last == "." || last == "," { word.removeLast() }
            if word.count >= 2, word[word.index(word.endIndex, offsetBy: -2)] == "'", word.last == "s" {
                word.removeLast(2)
            }
            if !word.isEmpty { words.append(String(Substring(word))) }
        }
        return words
    }
}
