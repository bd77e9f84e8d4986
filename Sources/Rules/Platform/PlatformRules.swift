/// Rules that hold only for one platform's dialect (`lint --target`).
let platformRules: [any Rule.Type] = [
    AliyunLabel.self,
    UnsupportedKey.self,
]
