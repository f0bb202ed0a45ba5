import NewsModel
import NewsQuery
import NewsStore

/// The `:` commands over a corpus: `:open corpus.sqlite`, `:add PATH…`, and `:article` when a
/// corpus is open.
enum CorpusCommands {
    /// `:open FILE` for a corpus file: queries it from now on.
    static func open(_ path: String, _ invocation: MetaCommand.Invocation) -> Session.Outcome {
        let store: CorpusDatabase
        let count: Int
        do {
            store = try CorpusFile.open(path, create: false)
            count = try store.articleCount()
        } catch let error as StoreError {
            return invocation.failure("cannot open \(path): \(error.message); what was open stays open", at: 0, kind: .name)
        } catch {
            return invocation.failure("cannot open \(path): \(error); what was open stays open", at: 0, kind: .name)
        }
        invocation.session.open(corpus: store)
        invocation.session.messages.writeLine("opened \(path): a corpus of \(CorpusFile.articles(count))")
        return .success
    }

    /// `:add PATH…`: adds to the open corpus, then queries it afresh.
    static func add(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        if let refusal = StandardCommands.refuseInSandbox(invocation) { return refusal }
        guard !invocation.arguments.isEmpty else { return invocation.usageError() }
        let session = invocation.session
        guard let store = session.corpus else {
            return invocation.failure("no corpus is open: :add adds to one — open it with :open FILE.sqlite "
                + "(or start newsq --db FILE); to query one more article, :open it", kind: .name)
        }
        let paths = invocation.arguments.map { invocation.resolve($0.text) }
        let summary = CorpusIngest.run(paths, into: store, messages: session.messages)
        session.open(corpus: store)
        guard summary.failed.isEmpty else {
            let count = summary.failed.count
            return invocation.failure("\(count) file\(count == 1 ? "" : "s") could not be added (listed above); the rest were", kind: .name)
        }
        return .success
    }

    /// `:article` over a corpus: the corpus summary; `:article ID [N|all]`: one article.
    static func article(_ invocation: MetaCommand.Invocation) -> Session.Outcome {
        let session = invocation.session
        guard let store = session.corpus else { return invocation.usageError() }
        let words = invocation.argumentTexts
        guard words.count <= 2 else { return invocation.usageError() }
        do {
            guard let id = words.first else {
                session.write(text: CorpusFile.describe(try store.summary(), location: store.name))
                return .success
            }
            guard let model = try store.model(id: id) else {
                let near = try store.articleIDs(near: id).first
                return invocation.failure("no article '\(id)' in \(store.name)" + (near.map { " — did you mean '\($0)'?" } ?? ""),
                                          at: 0, kind: .name,
                                          fixIts: near.map { [Diagnostic.FixIt(range: invocation.range(of: invocation.arguments[0]), replacement: $0)] } ?? [])
            }
            return StandardCommands.article(of: model, invocation, words: Array(words.dropFirst()), at: 1)
        } catch {
            return invocation.failure("cannot read \(store.name): \(error)", kind: .name)
        }
    }
}
