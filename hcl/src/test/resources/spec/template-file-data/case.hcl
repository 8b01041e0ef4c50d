variable "image" {
}
data "template_file" "known" {
  template = file("containers.json.tpl")
  vars = {
    name  = "app"
    image = "nginx:1.27"
  }
}
data "template_file" "partly" {
  template = file("containers.json.tpl")
  vars = {
    name  = "app"
    image = var.image
  }
}
data "template_file" "inline" {
  template = "hello $${who}"
  vars     = { who = "world" }
}
data "template_file" "no_vars" {
  template = "plain"
}
data "template_file" "self" {
  template = data.template_file.self.rendered
}
known       = data.template_file.known.rendered
partly      = data.template_file.partly.rendered
json_partly = data.template_file.partly.rendered
inline      = data.template_file.inline.rendered
no_vars     = data.template_file.no_vars.rendered
self        = data.template_file.self.rendered
other       = data.template_file.absent.rendered
