/// Rules of this category; each rule lives in its own file in this folder.
let namingRules: [any Rule.Type] = [
]
