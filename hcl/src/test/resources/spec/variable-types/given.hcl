services = {
  api = {
    cpu    = "256"
    memory = 512
    volume = { data = { name = "data" } }
    ports  = [{ port = 80 }, { port = 53, protocol = "udp" }]
    tags   = { team = true }
    extra  = 1
  }
  web = {
    network_mode = null
    runtime      = { family = null }
  }
}
