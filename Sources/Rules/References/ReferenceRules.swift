/// Rules about references between parts of a template.
let referenceRules: [any Rule.Type] = [
    DependencyCycle.self,
    UndefinedService.self,
]
