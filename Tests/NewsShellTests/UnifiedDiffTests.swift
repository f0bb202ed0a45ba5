import Testing
@testable import NewsShell

/// `diff -u`-style output, hunk headers included.
@Suite("UnifiedDiff")
struct UnifiedDiffTests {
    func diff(_ old: [String], _ new: [String], context: Int = 3) -> String {
        UnifiedDiff(old: old, new: new).render(context: context).joined(separator: "\n")
    }

    @Test func equalSidesHaveNoDiff() {
        #expect(UnifiedDiff(old: ["a", "b"], new: ["a", "b"]).isEmpty)
        #expect(diff(["a"], ["a"]) == "")
        #expect(diff([], []) == "")
    }

    @Test func oneChangedLine() {
        #expect(diff(["a", "b", "c"], ["a", "x", "c"]) == """
            --- expected
            +++ actual
            @@ -1,3 +1,3 @@
             a
            -b
            +x
             c
            """)
    }

    @Test func emptySidesAreNumberedLikeDiff() {
        #expect(diff([], ["a", "b"]) == "--- expected\n+++ actual\n@@ -0,0 +1,2 @@\n+a\n+b")
        #expect(diff(["a"], []) == "--- expected\n+++ actual\n@@ -1 +0,0 @@\n-a")
    }

    @Test func distantChangesMakeSeparateHunks() {
        let old = (1...20).map(String.init)
        var new = old
        new[1] = "two"
        new[17] = "eighteen"
        new.append("21")
        #expect(diff(old, new, context: 2) == """
            --- expected
            +++ actual
            @@ -1,4 +1,4 @@
             1
            -2
            +two
             3
             4
            @@ -16,5 +16,6 @@
             16
             17
            -18
            +eighteen
             19
             20
            +21
            """)
        // Changes closer than twice the context share a hunk.
        new = old
        new[3] = "x"
        new[6] = "y"
        #expect(diff(old, new, context: 2).components(separatedBy: "@@ -").count == 2)
    }
}
