import NewsModel

/// Builds a cited ``NewsModel/ArticleModel`` from the text of any English news article: its
/// paragraphs and sentences, the actors it names and every mention of them, the statements it
/// attributes (with speaker, cue, kind, the sieve that found each and how sure it is), and the
/// events its clauses date or count.
///
/// The phases, one per file, run in this order:
/// 1. reading (``TextReader``): metadata lines, title, dateline, paragraphs, headings;
/// 2. tokens and sentences (``Tokenizer``, ``SentenceSplitter``);
/// 3. quotations (``QuotationFinder``);
/// 4. actors and mentions (``MentionFinder``): names, titles, types, aliases, pronouns;
/// 5. cues and speakers (``CueFinder``, ``AttributionSieves``): sieves in order of reliability;
/// 6. times and quantities (``TimeFinder``, ``QuantityFinder``), resolved against the article date
///    with ``NewsModel/TimeResolver`` and never guessed;
/// 7. events (``EventFinder``): speech occasions, and clauses with a time or a quantity;
/// 8. the model (``ModelAssembler``), checked by ``NewsModel/ModelValidator`` before it is returned.
///
/// Every phase is linear in the length of the text, or close to it, so no text can make the
/// extractor hang; bad input is refused with an ``ExtractionError`` that says where.
public struct Extractor: Sendable {
    /// Limits and switches.
    public struct Options: Sendable, Equatable {
        /// The longest text accepted, in UTF-8 bytes (default 4,000,000: far beyond any article).
        public var maximumBytes: Int
        /// Whether to check the model with ``NewsModel/ModelValidator`` before returning it
        /// (default true; an invalid model is then an ``ExtractionError/invalidModel(problems:)``).
        public var validates: Bool

        /// Creates options.
        public init(maximumBytes: Int = 4_000_000, validates: Bool = true) {
            self.maximumBytes = maximumBytes
            self.validates = validates
        }
    }

    /// The extractor's name and version, as a model's provenance records it.
    public static let version = "NewsExtraction 1.0"

    /// The options in use.
    public var options: Options

    /// Creates an extractor.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// The model of the article in `bytes`, which must be UTF-8 (a leading byte order mark is
    /// skipped); see ``extract(text:fileName:date:)``.
    public func extract(bytes: [UInt8], fileName: String? = nil, date: CalendarDate? = nil) throws(ExtractionError)
        -> ArticleModel
    {
        guard bytes.count <= options.maximumBytes else { throw .tooLarge(bytes: bytes.count, limit: options.maximumBytes) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) { throw .binary(byteOffset: nul) }
        if let bad = ExtractionError.firstInvalidUTF8(body) { throw .invalidUTF8(byteOffset: bad) }
        return try build(text: String(decoding: body, as: UTF8.self), fileName: fileName, date: date, keepsAllCandidates: false,
                         checked: true).model
    }

    /// The model of the article `text`.
    ///
    /// - Parameters:
    ///   - text: the article: plain text or Markdown, with optional metadata lines first
    ///     (``TextReader``).
    ///   - fileName: the file it was read from, recorded in the model's provenance; a date in it
    ///     (`…_2016-05-02_…`) dates the article when nothing else does, and its base name is the
    ///     article's id.
    ///   - date: the publication date, when the text has no `date` line.
    public func extract(text: String, fileName: String? = nil, date: CalendarDate? = nil) throws(ExtractionError)
        -> ArticleModel
    {
        try build(text: text, fileName: fileName, date: date, keepsAllCandidates: false).model
    }

    /// Every candidate statement the sieves propose, before the statement model chooses, with
    /// each one's features as `template value` strings (`model.statements[i]` has
    /// `features[i]`), and the model's probability of each: what
    /// `scripts/train-statement-model` learns from.
    public func candidates(text: String, fileName: String? = nil, date: CalendarDate? = nil) throws(ExtractionError)
        -> (model: ArticleModel, features: [[String]], probabilities: [Double])
    {
        let built = try build(text: text, fileName: fileName, date: date, keepsAllCandidates: true)
        let features = built.items.map { item in
            item.features.map { "\($0.template.name) \($0.name ?? "")" }
        }
        return (built.model, features, built.items.map { $0.probability ?? $0.confidence })
    }

    /// `checked`: the size and the NUL bytes were checked on the bytes already.
    private func build(text: String, fileName: String?, date: CalendarDate?, keepsAllCandidates: Bool, checked: Bool = false)
        throws(ExtractionError) -> (model: ArticleModel, items: [Attribution])
    {
        if !checked {
            let size = text.utf8.count
            guard size <= options.maximumBytes else { throw .tooLarge(bytes: size, limit: options.maximumBytes) }
            if let nul = text.utf8.firstIndex(of: 0) {
                throw .binary(byteOffset: text.utf8.distance(from: text.utf8.startIndex, to: nul))
            }
        }
        let read = try TextReader().read(text)
        guard let articleDate = read.date ?? date ?? fileName.flatMap(Self.date(inFileName:)) else { throw .noDate }
        let analyzed = AnalyzedText(read: read)
        guard !analyzed.sentences.isEmpty else { throw .noSentences }
        let assembler = ModelAssembler(analyzed: analyzed, date: articleDate, id: Self.articleID(fileName))
        let mentions = MentionFinder(analyzed: analyzed).find()
        var sieves = AttributionSieves(analyzed: analyzed, mentions: mentions, keepsAllCandidates: keepsAllCandidates)
        var attributions = sieves.run()
        let times = TimeFinder(analyzed: analyzed, date: articleDate).find()
        let quantities = QuantityFinder(analyzed: analyzed, times: times).find()
        attributions.attachTimes(times, analyzed: analyzed)
        let events = EventFinder(analyzed: analyzed, attributions: attributions, times: times, quantities: quantities)
            .find()
        var model = assembler.model(mentions: attributions.mentions, attributions: attributions.items, events: events)
        model.provenance = Provenance(extracted: true, extractor: Self.version, sourceFile: fileName)
        if options.validates {
            let issues = ModelValidator().validate(model)
            if !issues.isEmpty { throw .invalidModel(problems: issues.prefix(20).map { $0.description }) }
        }
        return (model, attributions.items)
    }

    /// The words the cue lexicons, the common words and the speaker phrases' function words
    /// already know (lower case): what `newsq-eval mine-cues` leaves out of the learned cues.
    public static func lexiconWords() -> Set<String> {
        var words = Set(Lexicon.shared.cueVerbs.keys).union(Lexicon.shared.commonWords)
        words.formUnion(SpeakerPhrases.auxiliaries)
        words.formUnion(SpeakerPhrases.prepositions)
        words.formUnion(SpeakerPhrases.determiners)
        for phrases in Lexicon.shared.cuePhrases.values { for phrase in phrases { words.formUnion(phrase) } }
        return words
    }

    /// A `YYYY-MM-DD` date inside a file name (`nyt_2016-05-02_title.txt`), if it has one.
    public static func date(inFileName name: String) -> CalendarDate? {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count >= 10 else { return nil }
        for start in 0...(scalars.count - 10) {
            guard scalars[start + 4] == "-", scalars[start + 7] == "-" else { continue }
            if let date = CalendarDate(iso: String(String.UnicodeScalarView(scalars[start..<(start + 10)]))) {
                return date
            }
        }
        return nil
    }

    /// The article id: the file's base name without its extension, or `article`.
    static func articleID(_ fileName: String?) -> String {
        guard let fileName else { return "article" }
        var base = Substring(fileName)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        return base.isEmpty ? "article" : String(base)
    }
}
