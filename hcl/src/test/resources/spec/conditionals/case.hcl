variable "env" {
  default = "prod"
}
chosen    = var.env == "prod" ? "large" : "small"
nested    = var.env == "dev" ? 1 : var.env == "prod" ? 2 : 3
from_str  = "false" ? "yes" : "no"
unknown   = var.unset ? "yes" : "no"
not_bool  = 1 ? "yes" : "no"
lazy      = true ? "taken" : var.unset
