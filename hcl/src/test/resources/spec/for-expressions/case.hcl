variable "containers" {
  default = {
    web     = { image = "nginx", privileged = true }
    sidecar = { image = "envoy", privileged = false }
  }
}
locals {
  names = ["b", "a", "b"]
}
upper_list  = [for name in local.names : upper(name)]
with_index  = [for i, name in local.names : "${i}:${name}"]
filtered    = [for name in local.names : name if name != "a"]
map_order   = [for k, v in var.containers : k]
from_map    = { for k, v in var.containers : k => v.image }
only_priv   = [for c in var.containers : c.image if c.privileged]
grouped     = { for name in local.names : name => name... }
from_list   = { for i, name in ["x", "y"] : name => i }
over_set    = [for name in toset(local.names) : name]
nested      = [for a in [1, 2] : [for b in ["x", "y"] : "${a}${b}"]]
definitions = [for k, v in var.containers : { name = k, image = v.image, privileged = v.privileged }]
empty       = [for x in [] : x]
over_null   = [for x in null : x]
over_string = [for x in "abc" : x]
duplicate   = { for name in local.names : name => 1 }
unknown     = [for x in aws_subnet.all : x.id]
unknown_if  = [for x in [1] : x if aws_thing.x.enabled]
unknown_key = { for x in [1] : aws_thing.x.name => x }
bad_if      = [for x in [1] : x if "maybe"]
element_err = [for c in var.containers : c.missing]
