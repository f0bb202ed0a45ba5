/// The bundled article's statements, written as text-quote annotations.
enum BundledStatements {
    /// Every statement record of the bundled model.
    static let all: [StatementDraft] = []
}
