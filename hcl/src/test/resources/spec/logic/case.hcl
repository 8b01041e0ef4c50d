and      = true && false
or       = false || true
not      = !false
string   = "true" && true
decided  = true || var.unset
decided2 = false && var.unset
open     = true && var.unset
