ten_thousand = length([for i in range(10000) : i * 2])
nested_huge  = [for i in range(1000) : [for j in range(1000) : j]]
huge_range   = range(1000000000)
splat_budget = length(range(50000)[*])
