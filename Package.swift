// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "newsq",
    products: [
        .executable(name: "newsq", targets: ["newsq"]),
        .library(name: "NewsModel", targets: ["NewsModel"]),
        .library(name: "NewsQuery", targets: ["NewsQuery"]),
        .library(name: "NewsQueryTesting", targets: ["NewsQueryTesting"]),
        .library(name: "NewsWeb", targets: ["NewsWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .target(
            name: "NewsModel",
            exclude: ["Bundled/metro-surge-2026-02-04.txt"]
        ),
        // The query language: lexer, parser, resolver, evaluator, text index, results, renderers.
        .target(
            name: "NewsQuery",
            dependencies: ["NewsModel"]
        ),
        // Web pages in (HTML → article text and metadata) and annotated reports out.
        .target(
            name: "NewsWeb",
            dependencies: ["NewsModel", "CXML"]
        ),
        // scripts/eval-html: main text, titles and dates against the benchmarks. Not a test.
        .executableTarget(
            name: "newsq-eval-html",
            dependencies: ["NewsWeb", "NewsModel"]
        ),
        // libedit behind a small Swift type; a plain reader when stdin is not a terminal.
        .target(
            name: "LineEditor",
            dependencies: ["CEditLine"]
        ),
        // The REPL loop, ':' meta-commands, the script runner, completion.
        .target(
            name: "NewsShell",
            dependencies: ["NewsModel", "NewsQuery", "LineEditor"]
        ),
        // Helpers for embedding the interpreter in other packages' test suites: checks that
        // throw (any framework) and Swift Testing expectations; golden scripts run in NewsShell's
        // Session, the engine behind `newsq --test`.
        .target(
            name: "NewsQueryTesting",
            dependencies: ["NewsModel", "NewsQuery", "NewsShell"]
        ),
        // The thin command-line entry point.
        .executableTarget(
            name: "newsq",
            dependencies: [
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
            dependencies: ["NewsModel", "NewsQuery"]
        ),
        // Fuzzing (scripts/fuzz, docs/reliability.md): libFuzzer's driver declared weakly, the
        // fuzz targets as a library the regression tests replay, and one executable per target.
        .target(name: "CFuzzDriver"),
        .target(
            name: "NewsFuzzing",
            dependencies: ["CFuzzDriver", "NewsModel", "NewsQuery", "NewsWeb"]
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
            name: "fuzz-web",
            dependencies: ["NewsFuzzing"]
        ),
        .testTarget(
            name: "NewsFuzzingTests",
            dependencies: ["NewsFuzzing", "NewsModel", "NewsWeb"]
        ),
        .testTarget(
            name: "NewsWebTests",
            dependencies: ["NewsWeb", "NewsModel"]
        ),
        .testTarget(
            name: "NewsModelTests",
            dependencies: ["NewsModel"]
        ),
        .testTarget(
            name: "NewsQueryTests",
            dependencies: ["NewsQuery", "NewsModel"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "NewsShellTests",
            dependencies: ["NewsShell", "NewsQuery", "NewsModel"]
        ),
        .testTarget(
            name: "LineEditorTests",
            dependencies: ["LineEditor"]
        ),
        .testTarget(
            name: "NewsQueryTestingTests",
            dependencies: ["NewsQueryTesting", "NewsQuery", "NewsModel", "NewsShell"]
        ),
        .testTarget(
            name: "newsqTests",
            dependencies: ["newsq", "NewsModel", "CEditLine"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
