import CFuzzDriver
import Foundation

/// Replays saved fuzz inputs — crash reproducers, corpus files — through a fuzz target without
/// libFuzzer: what the fuzz executables do when built without `-sanitize=fuzzer`, and what the
/// regression tests do with the committed corpus.
public enum FuzzReplay {
    /// The regular files at `paths`, and inside any directories among them (not recursively),
    /// in name order within each directory.
    public static func files(at paths: [String]) -> [URL] {
        var files: [URL] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let names = (try? manager.contentsOfDirectory(atPath: path)) ?? []
                for name in names.sorted() where !name.hasPrefix(".") {
                    files.append(URL(fileURLWithPath: path).appendingPathComponent(name))
                }
            } else {
                files.append(URL(fileURLWithPath: path))
            }
        }
        return files
    }

    /// Runs `target` on the bytes of every file at `paths` (see ``files(at:)``); returns how many
    /// ran. A file that cannot be read is skipped.
    @discardableResult
    public static func replay(_ paths: [String], through target: (UnsafeRawBufferPointer) -> Void) -> Int {
        var count = 0
        for file in files(at: paths) {
            guard let data = try? Data(contentsOf: file) else { continue }
            data.withUnsafeBytes { target($0) }
            count += 1
        }
        return count
    }

    /// The whole `main` of a fuzz executable: with libFuzzer linked in (`-sanitize=fuzzer`),
    /// hands `fuzzOneInput` to its driver with the command line; without, replays the files and
    /// directories named on the command line and says how many ran. Never returns.
    public static func main(_ fuzzOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
        if newsq_fuzzer_driver_available() != 0 {
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(newsq_run_fuzzer_driver(&argc, &argv, fuzzOneInput))
        }
        let count = replay(Array(CommandLine.arguments.dropFirst())) { bytes in
            _ = fuzzOneInput(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count)
        }
        print("replayed \(count) input\(count == 1 ? "" : "s")")
        exit(0)
    }
}
