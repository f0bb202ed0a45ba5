// libFuzzer target for reading and extracting an article (see NewsFuzzing.ExtractionFuzzTarget).
// Built with `-sanitize=fuzzer` (scripts/fuzz) it fuzzes; built without, it replays the files
// and directories given as arguments.
import NewsFuzzing

nonisolated(unsafe) var target: ExtractionFuzzTarget?

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    if target == nil { target = ExtractionFuzzTarget() }
    target!.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

FuzzReplay.main(fuzzOneInput)
