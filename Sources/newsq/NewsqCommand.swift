import ArgumentParser
import NewsModel

/// The `newsq` command line: ask questions of a news article.
@main
struct NewsqCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsq",
        abstract: "Ask questions of a news article; every answer cites where in the text it comes from.",
        version: "0.1.0")

    func run() throws {
        let model = ArticleModel.bundled
        print("newsq \(Self.configuration.version) — \(model.article.id): \(model.actors.count) actors")
    }
}
