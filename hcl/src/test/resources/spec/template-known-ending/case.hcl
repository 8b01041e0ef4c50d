variable "repo" {
}
variable "tag" {
}
locals {
  image = "${aws_ecr_repository.app.repository_url}:latest"
}
latest     = "${aws_ecr_repository.app.repository_url}:latest"
tagged     = "${var.repo}:v1.2"
after_last = "${var.repo}:${var.tag}-${"x"}y"
whole      = "${aws_ecr_repository.app.repository_url}"
nothing    = "${var.repo}${var.tag}"
through    = local.image
nested     = "${"${var.repo}/app"}:1"
escaped    = "${var.repo}/$${tag}"
operated   = upper("${var.repo}:latest")
formatted  = format("%s:latest", var.repo)
