import Foundation
import NewsModel
import NewsQuery

/// `explain` over a store: the SQL a plan sends, with its values written in so that it runs as
/// shown in `sqlite3` or `psql`, and the steps left to the in-memory engine — in the order
/// ``CorpusDatabase/run(_:runner:)`` takes them (the same decisions, made by the same code).
extension CorpusDatabase {
    public func explain(_ plan: Plan, runner: PlanRunner) throws -> [String] {
        let shape = try runner.shape(of: plan)
        if let piece = try compiler.compile(plan), let columns = compiler.selection(for: shape, piece: piece) {
            return ["SQL: " + inline(Self.select(columns, from: piece), piece.parameters)]
        }
        switch plan {
        case .rows:
            return ["in memory: rows computed before (a let binding)"]
        case .profile(let actor, _):
            return ["SQL: " + inline("SELECT article, local FROM actor_members WHERE grp = (SELECT grp FROM actor_groups WHERE id = \(p(1))) ORDER BY article",
                                     [.text(actor.id)]),
                    "in memory: the profile of \(actor.id), from those articles' models"]
        case .source(let id, _, _):
            return ["in memory: the paragraphs of \(id), from its article's model"]
        case .search(let input, let planned, let ranked):
            guard let (piece, columns) = try searchPiece(input, planned, runner: runner) else { return [] }
            return ["SQL: " + inline(Self.select(columns, from: piece), piece.parameters),
                    "in memory: each statement matched for \"\(planned.text)\" (match, verbatim)" + (ranked ? ", then ranked: verbatim, kind, paragraph" : "")]
        case .count(let input):
            if let piece = try compiler.compile(input) {
                return ["SQL: " + inline("SELECT COUNT(*) FROM (\(piece.sql)) q", piece.parameters)]
            }
            return try explain(input, runner: runner) + ["in memory: count"]
        case .countBy(let input, let field):
            if let piece = try compiler.compile(input), let sql = countBySQL(field, piece: piece) {
                return ["SQL: " + inline(sql, piece.parameters), "in memory: counts sorted (most first, then by \(field))"]
            }
            return try explain(input, runner: runner) + ["in memory: count by \(field)"]
        default:
            guard let input = plan.input else { return [] }
            return try explain(input, runner: runner) + ["in memory: \(Self.stage(plan))"]
        }
    }

    /// A stage as the explanation names it.
    private static func stage(_ plan: Plan) -> String {
        switch plan {
        case .filter: return "where (a condition SQL cannot decide exactly)"
        case .window: return "the time filter (days that differ per article)"
        case .sort(_, let keys): return "sort by " + keys.map { $0.field + ($0.descending ? " desc" : "") }.joined(separator: ", ")
        case .limit(_, let count): return "limit \(count)"
        case .show(_, let fields), .display(_, let fields): return "show " + fields.joined(separator: ", ")
        case .nonEmpty: return "check the result is not empty"
        default: return "the rest"
        }
    }

    /// The SQL with its parameters written in as literals.
    func inline(_ sql: String, _ parameters: [SQLValue]) -> String {
        func literal(_ value: SQLValue) -> String {
            switch value {
            case .null: return "NULL"
            case .integer(let number): return String(number)
            case .real(let number): return "\(number)"
            case .text(let text): return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
            }
        }
        // One pass over the SQL: each placeholder (`?N` or `$N`) is replaced by its value.
        let marker: Character = connection.dialect == .sqlite ? "?" : "$"
        var result = ""
        // The SQL on one line (the compiler writes some of it over several).
        let flat = sql.split(whereSeparator: \.isNewline).map { $0.drop { $0 == " " } }.joined(separator: " ")
        var characters = flat[...]
        while let next = characters.first {
            characters = characters.dropFirst()
            guard next == marker else {
                result.append(next)
                continue
            }
            let digits = characters.prefix { $0.isASCII && $0.isNumber }
            characters = characters.dropFirst(digits.count)
            if let index = Int(digits), parameters.indices.contains(index - 1) {
                result += literal(parameters[index - 1])
            } else {
                result.append(next)
                result += digits
            }
        }
        return result
    }
}
