// libFuzzer target for the model loader (see NewsFuzzing.ModelFuzzTarget). Built with
// `-sanitize=fuzzer` (scripts/fuzz) it fuzzes; built without, it replays the files and
// directories given as arguments.
import CFuzzDriver
import Foundation
import NewsFuzzing

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    ModelFuzzTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

if newsq_fuzzer_driver_available() != 0 {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(newsq_run_fuzzer_driver(&argc, &argv, fuzzOneInput))
}
let count = FuzzReplay.replay(Array(CommandLine.arguments.dropFirst())) { bytes in
    _ = fuzzOneInput(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count)
}
print("replayed \(count) input\(count == 1 ? "" : "s")")
