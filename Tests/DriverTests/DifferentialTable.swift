/// The differential suite's score per class: how many of the files Compose refuses stackc refuses
/// too (recall), and how many files Compose accepts stackc refuses (false refusals).
struct DifferentialTable {
    struct Row {
        var kind: String
        var cases = 0
        var refusedByCompose = 0
        var caughtByStackc = 0
        var falseRefusals = 0

        /// 1 for a class where Compose refuses nothing.
        var recall: Double { refusedByCompose == 0 ? 1 : Double(caughtByStackc) / Double(refusedByCompose) }
        var recallText: String { percent(recall) }
    }

    let rows: [Row]

    init(verdicts: [DifferentialVerdict]) {
        var rows: [String: Row] = [:]
        for verdict in verdicts {
            var row = rows[verdict.case.kind] ?? Row(kind: verdict.case.kind)
            row.cases += 1
            if verdict.case.composeAccepts {
                row.falseRefusals += verdict.refused ? 1 : 0
            } else {
                row.refusedByCompose += 1
                row.caughtByStackc += verdict.refused ? 1 : 0
            }
            rows[verdict.case.kind] = row
        }
        self.rows = rows.values.sorted { $0.kind < $1.kind }
    }

    /// A Markdown table, one line a class and a total.
    var text: String {
        var total = Row(kind: "total")
        for row in rows {
            total.cases += row.cases
            total.refusedByCompose += row.refusedByCompose
            total.caughtByStackc += row.caughtByStackc
            total.falseRefusals += row.falseRefusals
        }
        let lines = (rows + [total]).map { row in
            "| \(row.kind) | \(row.cases) | \(row.refusedByCompose) | \(row.caughtByStackc) | \(row.recallText) | \(row.falseRefusals) |"
        }
        return (["| class | cases | refused by Compose | caught by stackc | recall | false refusals |",
                 "|---|---:|---:|---:|---:|---:|"] + lines).joined(separator: "\n")
    }
}

private func percent(_ share: Double) -> String {
    let tenths = Int((share * 1000).rounded(.down))
    return "\(tenths / 10).\(tenths % 10) %"
}
