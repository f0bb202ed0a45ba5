import Foundation

/// Small articles written for the corpus tests: each names a mayor, a council member and a
/// topic chosen by its number, with one direct quote and one reported statement, so articles
/// share speakers (linked across the corpus) and differ in what they say.
enum CorpusFixtures {
    static let mayors = ["Dana Ruiz", "Omar Haddad", "Lena Park", "Tomas Berg"]
    static let members = ["Ivy Chen", "Marcus Bell", "Rosa Alvarez"]
    static let topics = ["library", "bridge", "bus depot", "swimming pool", "market hall"]

    /// The text of article `number`, dated in March 2026.
    static func article(_ number: Int) -> String {
        let mayor = mayors[number % mayors.count]
        let member = members[number % members.count]
        let topic = topics[number % topics.count]
        let day = number % 28 + 1
        return """
            date 2026-03-\(day < 10 ? "0" : "")\(day)

            Council weighs the \(topic), meeting \(number)

            Mayor \(mayor) said on Tuesday that the city would spend \(number + 2) million dollars on the \(topic).

            "We have waited long enough for this \(topic)," \(mayor) told reporters at City Hall.

            Council member \(member) warned that the plan could raise taxes for \(number + 100) families.

            """
    }

    /// Writes articles `range` as `folder/NNNN.txt` (in subfolders of 100 when `nested`).
    static func write(_ range: Range<Int>, to folder: URL, nested: Bool = false) throws {
        for number in range {
            var directory = folder
            if nested { directory = folder.appendingPathComponent("part\(number / 100)") }
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let name = String(repeating: "0", count: max(0, 4 - String(number).count)) + "\(number).txt"
            try Data(article(number).utf8).write(to: directory.appendingPathComponent(name))
        }
    }
}
