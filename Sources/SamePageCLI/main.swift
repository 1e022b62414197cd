import Foundation
import SamePageKit
let r = GlossaryLoader().load(directory: URL(fileURLWithPath: CommandLine.arguments[1]), displayDirectory: CommandLine.arguments[1])
print(TextDiagnosticWriter().write(r.diagnostics), r.glossary != nil)
