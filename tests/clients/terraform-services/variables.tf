variable "endpoint" {
  description = "ControlPlane endpoint that answers every service (EC2, STS, ELB, RDS, ElastiCache, Lambda)."
  type        = string
  default     = "http://localhost:4566"
}

variable "run_id" {
  description = "Suffix for names and the RunId tag, so concurrent or repeated runs do not collide."
  type        = string
  default     = "local"
}

variable "region" {
  type    = string
  default = "us-east-1"
}
