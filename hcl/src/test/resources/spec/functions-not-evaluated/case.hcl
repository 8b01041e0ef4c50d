length  = length(["a"])
format  = format("%s", "a")
nested  = upper(format("%s", "a"))
