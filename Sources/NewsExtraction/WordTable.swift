/// The lexicon's vocabulary as an open-addressing hash table over UTF-8 bytes (FNV-1a), so the
/// tokenizer finds a word's index from the bytes it has just lowered, without hashing a
/// `String` the standard library's way.
struct WordTable: Sendable {
    /// Every word's bytes, one after another; word `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int32]
    /// Slots of word indices (-1 empty); the slot count is a power of two.
    private let slots: [Int32]
    private let mask: Int

    /// A table of `words`, in which word `i` has index `i`.
    init(_ words: [String]) {
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        for word in words {
            bytes.append(contentsOf: word.utf8)
            starts.append(Int32(bytes.count))
        }
        var size = 16
        while size < words.count * 3 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (index, word) in words.enumerated() {
            var slot = Int(truncatingIfNeeded: Self.hash(Array(word.utf8)[...])) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index)
        }
        self.bytes = bytes
        self.starts = starts
        self.slots = slots
        self.mask = size - 1
    }

    /// FNV-1a over the bytes.
    static func hash<C: Collection>(_ key: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The index of the word whose bytes are `key` (already hashed to `hash`), or nil.
    func index(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let word = slots[slot]
            if word < 0 { return nil }
            let start = Int(starts[Int(word)])
            let end = Int(starts[Int(word) + 1])
            if end - start == key.count {
                var same = true
                var k = 0
                while k < key.count {
                    if bytes[start + k] != key[k] {
                        same = false
                        break
                    }
                    k += 1
                }
                if same { return word }
            }
            slot = (slot + 1) & mask
        }
    }
}
