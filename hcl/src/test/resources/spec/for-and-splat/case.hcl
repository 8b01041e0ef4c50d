locals {
  list = [{ a = 1 }]
  map  = { x = "1", y = "}" }
}
for_list   = [for x in local.list : x.a]
for_object = { for k, v in local.map : k => v if v != "}" }
splat      = local.list[*].a
attr_splat = local.list.*.a
call_index = tolist(["a"])[0]
