key_list  = { (["a"]) = 1 }
key_unset = { (var.unset) = 1 }
