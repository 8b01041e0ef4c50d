variable "operating_system_family" {
  description = "The OS family for task"
  type        = string
  default     = "LINUX"
}

variable "name" {
  description = "Name of the container"
  type        = string
}

variable "image" {
  description = "The image used to start a container"
  type        = string
  default     = null
}

variable "essential" {
  description = "If the essential parameter of a container is marked as true, and that container fails or stops for any reason, all other containers that are part of the task are stopped"
  type        = bool
  default     = null
}

variable "privileged" {
  description = "When this parameter is true, the container is given elevated privileges on the host container instance"
  type        = bool
  default     = false
}

variable "readonlyRootFilesystem" {
  description = "When this parameter is true, the container is given read-only access to its root file system"
  type        = bool
  default     = true
  nullable    = false
}

variable "user" {
  description = "The user to run as inside the container"
  type        = string
  default     = "1000"
}

variable "environment" {
  description = "The environment variables to pass to the container"
  type        = list(object({ name = string, value = string }))
  default     = []
}

variable "portMappings" {
  description = "The list of port mappings for the container"
  type        = list(any)
  default     = []
}

variable "logConfiguration" {
  description = "The log configuration for the container"
  type        = any
  default = {
    logDriver = "awslogs"
    options   = { awslogs-stream-prefix = "ecs" }
  }
}
