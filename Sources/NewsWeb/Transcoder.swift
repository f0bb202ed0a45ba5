#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts a page in a legacy encoding (Shift_JIS, GBK, KOI8-R, UTF-16…) to UTF-8 with the
/// C library's iconv, before libxml2 sees it.
///
/// libxml2 can convert these itself, but at the first byte that is not valid in the encoding it
/// stops reading — the rest of the page would silently vanish — and prints "encoding error"
/// to standard error whatever the parser's options. Here an invalid byte becomes U+FFFD and the
/// conversion goes on, as browsers do, and nothing is printed.
enum Transcoder {
    /// The bytes converted from `encoding` to UTF-8, or `nil` when iconv does not know the
    /// encoding.
    static func utf8(from encoding: String, _ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        let descriptor = iconv_open("UTF-8", encoding)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2 + 16)
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return output }
        var chunk = [CChar](repeating: 0, count: 65_536)
        var inputOffset = 0
        while inputOffset < bytes.count {
            var inLeft = bytes.count - inputOffset
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: (base + inputOffset).assumingMemoryBound(to: CChar.self))
            let (result, error, produced) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int, Int32, Int) in
                var outLeft = buffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = buffer.baseAddress
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                let error = result == -1 ? errno : 0
                return (result, error, buffer.count - outLeft)
            }
            chunk.withUnsafeBufferPointer { buffer in
                buffer.prefix(produced).forEach { output.append(UInt8(bitPattern: $0)) }
            }
            inputOffset = bytes.count - inLeft
            if result != -1 { break }
            switch error {
            case E2BIG:
                continue
            case EILSEQ, EINVAL:
                // An invalid or cut-off sequence: one replacement character, then on.
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                inputOffset += 1
                if error == EINVAL { inputOffset = bytes.count }
            default:
                return output
            }
        }
        return output
    }
}
