x = [for a : a]
