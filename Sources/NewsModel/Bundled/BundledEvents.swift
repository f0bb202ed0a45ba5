/// The bundled article's events, written as text-quote annotations.
enum BundledEvents {
    /// Every event record of the bundled model.
    static let all: [EventDraft] = []
}
