cidr    = cidrsubnet("10.0.0.0/16", 8, 1)
nested  = upper(uuid())
unknown = timestamp(var.unset)
