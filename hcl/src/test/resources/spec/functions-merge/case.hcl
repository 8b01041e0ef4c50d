merged   = merge({ a = 1, b = 1 }, { b = 2 }, null, { c = 3 })
empty    = merge()
of_list  = merge({ a = 1 }, ["x"])
unknown  = merge({ a = 1 }, var.unset)
