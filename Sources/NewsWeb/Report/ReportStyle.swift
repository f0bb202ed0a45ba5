/// The report's style sheet and script, inline in every report (no external files).
enum ReportStyle {
    /// The style sheet: layout, one colour rule per speaker index, the filtering rules for each
    /// speaker and each set of joint speakers, tooltips, and print rules.
    static func css(speakers: Int, combinations: [[Int]]) -> String {
        var css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 46rem; padding: 1.5rem 1rem 4rem; background: \(ReportPalette.page); color: \(ReportPalette.text);
               font: 1.0625rem/1.6 Georgia, "DejaVu Serif", "Times New Roman", serif; }
        h1, h2, h3, .legend, .summary, .meta, .toc, table, summary, .tip { font-family: system-ui, "DejaVu Sans", Arial, sans-serif; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 .25rem; }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
        .summary, .meta, .hint, .count { color: \(ReportPalette.muted); font-size: .875rem; }
        .toc ol { padding-left: 1.5rem; }
        a { color: #0b4f9c; }
        a:focus-visible, [tabindex]:focus-visible, button:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
        input.filter { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
        .legend { display: flex; flex-wrap: wrap; gap: .35rem .5rem; align-items: center; margin: .75rem 0 1rem; padding: .6rem .75rem;
                  border: 1px solid #c4c4c4; border-radius: .4rem; font-size: .9rem; }
        .legend-title { font-weight: 600; margin-right: .25rem; }
        .legend label { cursor: pointer; padding: .1rem .45rem; border-radius: 1rem; border: 1px solid #8a8a8a; user-select: none; }
        .legend .key { flex-basis: 100%; margin: .25rem 0 0; color: \(ReportPalette.muted); }
        .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-right: .3rem; vertical-align: -.05rem; border: 1px solid currentColor; }
        .sample { padding: 0 .2rem; }
        mark.st { color: inherit; border-radius: .15rem; padding: .05rem 0; position: relative; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
        mark.k-direct, .k-direct.sample { border-bottom: 2px solid; }
        mark.k-partial, .k-partial.sample { border-bottom: 2px dashed; }
        mark.k-reported, .k-reported.sample { border-bottom: 2px dotted; }
        .frag { font-style: italic; }
        .who { border-radius: .2rem; outline: 2px solid; outline-offset: 0; }
        .who.sample { outline-color: \(ReportPalette.muted); }
        .cue { font-weight: 700; text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: .15em; }
        .event { background: #eeeeee; border-bottom: 2px solid #5a5a5a; }
        mark.st:target { outline: 3px solid #0b4f9c; outline-offset: 2px; }
        mark[data-tip]:hover::after, mark[data-tip]:focus::after, mark[data-tip]:target::after {
            content: attr(data-tip); position: absolute; left: 0; top: 100%; z-index: 10; margin-top: .3rem; width: max-content; max-width: 22rem;
            padding: .35rem .55rem; background: #1b1b1b; color: #ffffff; border-radius: .3rem; font: .8rem/1.35 system-ui, "DejaVu Sans", Arial, sans-serif;
            white-space: normal; box-shadow: 0 2px 6px rgba(0,0,0,.3); pointer-events: none; }
        details.statements { margin-top: 1.5rem; }
        summary { cursor: pointer; font-weight: 600; }
        table { border-collapse: collapse; width: 100%; font-size: .85rem; margin-top: .5rem; }
        th, td { text-align: left; padding: .25rem .4rem; border-bottom: 1px solid #d6d6d6; vertical-align: top; }

        """
        for index in 0..<max(speakers, 1) {
            let swatch = ReportPalette.swatch(index)
            css += ".w-\(index) { --bg: \(swatch.background); --line: \(swatch.outline); }\n"
        }
        for combination in combinations {
            let swatch = ReportPalette.swatch(combination.first ?? 0)
            let second = ReportPalette.swatch(combination.dropFirst().first ?? 0)
            css += ".w-\(combination.map(String.init).joined(separator: "-")) { --bg: \(swatch.background); --line: \(swatch.outline); --line2: \(second.outline); }\n"
        }
        css += """
        mark.st { background: var(--bg); border-bottom-color: var(--line); }
        .who { outline-color: var(--line); }
        .cue { text-decoration-color: var(--line); }
        .swatch { background: var(--bg); color: var(--line); }
        .legend label { background: #ffffff; }

        """
        // A joint statement shows its second speaker's colour as a left rule.
        for combination in combinations {
            css += "mark.st.w-\(combination.map(String.init).joined(separator: "-")) { box-shadow: inset 3px 0 0 var(--line2); padding-left: 3px; }\n"
        }
        // Filtering: an unchecked speaker's marks lose their colour; a joint statement only when
        // all its speakers are unchecked.
        for index in 0..<speakers {
            css += ".article > input.f\(index):not(:checked) ~ .body .w-\(index) { background: transparent; outline-color: transparent; border-bottom-color: transparent; text-decoration-color: transparent; box-shadow: none; }\n"
            css += ".article > input.f\(index):not(:checked) ~ .legend label.l\(index) { text-decoration: line-through; color: \(ReportPalette.muted); border-style: dashed; }\n"
            css += ".article > input.f\(index):focus-visible ~ .legend label.l\(index) { outline: 3px solid #0b4f9c; outline-offset: 2px; }\n"
        }
        for combination in combinations {
            let inputs = combination.map { "input.f\($0):not(:checked)" }.joined(separator: " ~ ")
            css += ".article > \(inputs) ~ .body .w-\(combination.map(String.init).joined(separator: "-")) { background: transparent; box-shadow: none; border-bottom-color: transparent; }\n"
        }
        css += """
        @media print {
            body { max-width: none; padding: 0; font-size: 11pt; }
            .legend .js-only, .hint, input.filter { display: none !important; }
            mark.st, .swatch, .who, .event { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            mark[data-tip]:hover::after, mark[data-tip]:focus::after, mark[data-tip]:target::after { display: none; }
            section.article + section.article { break-before: page; }
            details.statements > summary { list-style: none; }
            h2, h3 { break-after: avoid; }
            p { orphans: 3; widows: 3; }
            a { color: inherit; text-decoration: none; }
        }

        """
        return css
    }

    /// The inline script: it only adds filtering controls ("All", "None", double-click for one
    /// speaker); everything else works without it.
    static let script = """
    (function () {
      document.querySelectorAll('section.article').forEach(function (section) {
        var inputs = section.querySelectorAll(':scope > input.filter');
        section.querySelectorAll('.js-only').forEach(function (element) { element.hidden = false; });
        section.querySelectorAll('button[data-act]').forEach(function (button) {
          button.addEventListener('click', function () {
            var on = button.getAttribute('data-act') === 'all';
            inputs.forEach(function (input) { input.checked = on; });
          });
        });
        section.querySelectorAll('.legend label').forEach(function (label) {
          label.addEventListener('dblclick', function (event) {
            event.preventDefault();
            inputs.forEach(function (input) { input.checked = input.id === label.htmlFor; });
          });
        });
      });
    })();

    """
}
