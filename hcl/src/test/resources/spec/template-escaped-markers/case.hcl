dollar    = "$${var.x}"
percent   = "%%{ if x }"
lone      = "$ and % and $x"
