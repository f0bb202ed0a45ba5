/// The bundled article's actors, written as text-quote annotations.
enum BundledActors {
    /// Every actor record of the bundled model.
    static let all: [ActorDraft] = []
}
