// libFuzzer target for the web-page reader (see NewsFuzzing.WebFuzzTarget). Built with
// `-sanitize=fuzzer` (scripts/fuzz) it fuzzes; built without, it replays the files and
// directories given as arguments.
import NewsFuzzing

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    WebFuzzTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

FuzzReplay.main(fuzzOneInput)
