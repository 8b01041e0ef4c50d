locals {
  sizes = { small = 256, large = 1024 }
}
found     = lookup(local.sizes, "large")
default   = lookup(local.sizes, "huge", 512)
missing   = lookup(local.sizes, "huge")
not_map   = lookup(["a"], "a")
one_arg   = lookup(local.sizes)
