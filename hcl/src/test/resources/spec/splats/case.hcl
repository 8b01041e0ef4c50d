locals {
  services = [
    { name = "a", ports = [{ port = 80 }, { port = 443 }] },
    { name = "b", ports = [{ port = 8080 }] },
  ]
  single = { name = "solo" }
  none   = null
}
names        = local.services[*].name
nested       = local.services[*].ports[0].port
legacy       = local.services.*.name
legacy_index = local.services.*.name[1]
full_index   = local.services[*].name[1]
double       = local.services[*].ports[*].port
of_single    = local.single[*].name
of_null      = local.none[*].name
of_call      = concat(local.services)[*].name
of_for       = [for s in local.services : s][*].name
first_of_for = [for s in local.services : s.name][0]
parenthesis  = (local.single).name
unknown      = aws_subnet.all[*].id
missing      = local.services[*].missing
