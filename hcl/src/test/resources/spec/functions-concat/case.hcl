joined   = concat(["a"], [], ["b", "c"])
spread   = concat([["x"]]...)
of_map   = concat(["a"], { b = 1 })
unknown  = concat(var.unset, ["a"])
