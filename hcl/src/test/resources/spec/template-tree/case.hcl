a = "x${var.y}z%{ if true }w%{ endif }"
