/// Rules of this category; each rule lives in its own file in this folder.
let valueRules: [any Rule.Type] = [
]
