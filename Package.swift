// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "newsq",
    products: [
        .executable(name: "newsq", targets: ["newsq"]),
        .library(name: "NewsModel", targets: ["NewsModel"]),
        .library(name: "BundledArticle", targets: ["BundledArticle"]),
        .library(name: "NewsQuery", targets: ["NewsQuery"]),
        .library(name: "NewsQueryTesting", targets: ["NewsQueryTesting"]),
        .library(name: "NewsExtraction", targets: ["NewsExtraction"]),
        .library(name: "NewsWeb", targets: ["NewsWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libedit, the line editor behind the REPL. Declared now so every build links it.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // libxml2, the HTML parser behind NewsWeb (docs/web-pages.md).
        .systemLibrary(
            name: "CXML",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Value types for the article, its actors, statements and events; the model file format.
        .target(name: "NewsModel"),
        // The hand-made model of the bundled AP article (2026-02-04): the default article, and
        // the gold standard extraction is measured against.
        .target(
            name: "BundledArticle",
            dependencies: ["NewsModel"],
            exclude: ["metro-surge-2026-02-04.txt"]
        ),
        // Any article in: text → a cited ArticleModel (reading, sentences, quotations, cues,
        // speakers by sieves, actors and mentions, times and quantities, events). Pure Swift.
        // The lexicons' data files are the source of the generated Lexicons.swift.
        .target(
            name: "NewsExtraction",
            dependencies: ["NewsModel"],
            exclude: ["Lexicons"]
        ),
        // scripts/eval-extraction: the seed article against its hand-made model, PolNeAR's brat
        // attributions and the scorer, speed over a corpus. A library so the tests share it.
        .target(
            name: "ExtractionEvaluation",
            dependencies: ["BundledArticle", "NewsExtraction", "NewsModel"]
        ),
        .executableTarget(
            name: "newsq-eval",
            dependencies: ["BundledArticle", "ExtractionEvaluation", "NewsExtraction", "NewsModel"]
        ),
        // Web pages in (HTML → article text and metadata) and annotated reports out.
        .target(
            name: "NewsWeb",
            dependencies: ["NewsModel", "CXML"]
        ),
        // scripts/eval-html: main text, titles and dates against the benchmarks. Not a test.
        .executableTarget(
            name: "newsq-eval-html",
            dependencies: ["BundledArticle", "NewsWeb", "NewsModel"]
        ),
        // The query language: lexer, parser, resolver, evaluator, text index, results, renderers.
        .target(
            name: "NewsQuery",
            dependencies: ["NewsModel"]
        ),
        // A corpus in a database: the schema, writing articles, and newsq plans compiled to SQL
        // (SQLite through GRDB).
        .target(
            name: "NewsStore",
            dependencies: ["NewsModel", "NewsQuery", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // libedit behind a small Swift type; a plain reader when stdin is not a terminal.
        .target(
            name: "LineEditor",
            dependencies: ["CEditLine"]
        ),
        // The REPL loop, ':' meta-commands, the script runner, completion.
        .target(
            name: "NewsShell",
            dependencies: ["BundledArticle", "NewsModel", "NewsQuery", "NewsExtraction", "NewsStore", "NewsWeb", "LineEditor"]
        ),
        // Helpers for embedding the interpreter in other packages' test suites: checks that
        // throw (any framework) and Swift Testing expectations; golden scripts run in NewsShell's
        // Session, the engine behind `newsq --test`.
        .target(
            name: "NewsQueryTesting",
            dependencies: ["BundledArticle", "NewsModel", "NewsQuery", "NewsShell"]
        ),
        // The thin command-line entry point.
        .executableTarget(
            name: "newsq",
            dependencies: ["BundledArticle", 
                "NewsModel",
                "NewsQuery",
                "NewsShell",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // scripts/bench: per-query medians against a reference, in one run. Not a test.
        .executableTarget(
            name: "newsq-bench",
            dependencies: ["BundledArticle", "NewsModel", "NewsQuery", "NewsStore"]
        ),
        // Fuzzing (scripts/fuzz, docs/reliability.md): libFuzzer's driver declared weakly, the
        // fuzz targets as a library the regression tests replay, and one executable per target.
        .target(name: "CFuzzDriver"),
        .target(
            name: "NewsFuzzing",
            dependencies: ["BundledArticle", "CFuzzDriver", "NewsModel", "NewsQuery", "NewsExtraction", "NewsWeb"]
        ),
        .executableTarget(
            name: "fuzz-query",
            dependencies: ["NewsFuzzing"]
        ),
        .executableTarget(
            name: "fuzz-model",
            dependencies: ["NewsFuzzing"]
        ),
        .executableTarget(
            name: "fuzz-extract",
            dependencies: ["NewsFuzzing"]
        ),
        .executableTarget(
            name: "fuzz-web",
            dependencies: ["NewsFuzzing"]
        ),
        .testTarget(
            name: "NewsFuzzingTests",
            dependencies: ["NewsFuzzing", "NewsModel", "NewsWeb"]
        ),
        .testTarget(
            name: "NewsWebTests",
            dependencies: ["NewsWeb", "NewsModel", "BundledArticle"]
        ),
        .testTarget(
            name: "NewsModelTests",
            dependencies: ["NewsModel", "BundledArticle"]
        ),
        .testTarget(
            name: "BundledArticleTests",
            dependencies: ["BundledArticle", "NewsModel"]
        ),
        .testTarget(
            name: "NewsExtractionTests",
            dependencies: ["BundledArticle", "NewsExtraction", "ExtractionEvaluation", "NewsModel"]
        ),
        .testTarget(
            name: "NewsQueryTests",
            dependencies: ["BundledArticle", "NewsQuery", "NewsModel"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "NewsShellTests",
            dependencies: ["BundledArticle", "NewsShell", "NewsQuery", "NewsModel", "NewsStore", "LineEditor"]
        ),
        .testTarget(
            name: "NewsStoreTests",
            dependencies: ["NewsStore", "NewsQuery", "NewsModel", "BundledArticle"]
        ),
        .testTarget(
            name: "LineEditorTests",
            dependencies: ["LineEditor"]
        ),
        .testTarget(
            name: "NewsQueryTestingTests",
            dependencies: ["BundledArticle", "NewsQueryTesting", "NewsQuery", "NewsModel", "NewsShell"]
        ),
        .testTarget(
            name: "newsqTests",
            dependencies: ["BundledArticle", "newsq", "NewsModel", "CEditLine"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
