/// Rules of this category; each rule lives in its own file in this folder.
let boundRules: [any Rule.Type] = [
]
