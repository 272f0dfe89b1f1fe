# A small network that exercises what the foundation milestone implements, the way users write it:
# a VPC with DNS hostnames, two subnets (one public), security groups with inline rules and a
# cross-group reference, two groups whose new-style rules reference each other, and one legacy
# aws_security_group_rule. terraform.sh applies it, expects an empty plan, then destroys it.

terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100.0"
    }
  }
}

provider "aws" {
  region     = var.region
  access_key = "test"
  secret_key = "test"

  skip_metadata_api_check     = true
  skip_region_validation      = true
  skip_credentials_validation = false # the provider calls sts:GetCallerIdentity at the endpoint
  skip_requesting_account_id  = false # and compares group-reference owners with that account
  max_retries                 = 3

  endpoints {
    ec2 = var.endpoint
    sts = var.endpoint
  }

  default_tags {
    tags = {
      Project   = "controlplane"
      ManagedBy = "terraform"
      RunId     = var.run_id
    }
  }
}

locals {
  name = "tf-${var.run_id}"
}

resource "aws_vpc" "main" {
  cidr_block           = "10.77.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = {
    Name = "${local.name}-vpc"
  }
}

resource "aws_subnet" "private" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.77.1.0/24"
  availability_zone = "${var.region}a"

  tags = {
    Name = "${local.name}-private"
    Tier = "private"
  }
}

resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.77.2.0/24"
  availability_zone       = "${var.region}b"
  map_public_ip_on_launch = true

  tags = {
    Name = "${local.name}-public"
    Tier = "public"
  }
}

# Inline rules only.
resource "aws_security_group" "lb" {
  name        = "${local.name}-lb"
  description = "load balancer"
  vpc_id      = aws_vpc.main.id

  ingress {
    description      = "https from anywhere"
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }

  egress {
    description = "to the VPC"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }

  tags = {
    Name = "${local.name}-lb"
  }
}

# Inline rules with a cross-group reference (to lb) and a self reference.
resource "aws_security_group" "web" {
  name        = "${local.name}-web"
  description = "web tier"
  vpc_id      = aws_vpc.main.id

  ingress {
    description     = "http from the load balancer"
    from_port       = 80
    to_port         = 80
    protocol        = "tcp"
    security_groups = [aws_security_group.lb.id]
  }

  ingress {
    description = "icmp echo from the VPC"
    from_port   = 8
    to_port     = -1
    protocol    = "icmp"
    cidr_blocks = ["10.77.0.0/16"]
  }

  ingress {
    description = "between web hosts"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    self        = true
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = {
    Name = "${local.name}-web"
  }
}

# Two groups without inline rules; their rules are separate resources that reference each other.
resource "aws_security_group" "app" {
  name        = "${local.name}-app"
  description = "app tier"
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "${local.name}-app"
  }
}

resource "aws_security_group" "db" {
  name        = "${local.name}-db"
  description = "db tier"
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "${local.name}-db"
  }
}

resource "aws_vpc_security_group_ingress_rule" "app_from_web" {
  security_group_id            = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.web.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  description                  = "app port from web"

  tags = {
    Name = "${local.name}-app-from-web"
  }
}

resource "aws_vpc_security_group_egress_rule" "app_to_db" {
  security_group_id            = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "postgres to db"

  tags = {
    Name = "${local.name}-app-to-db"
  }
}

resource "aws_vpc_security_group_egress_rule" "app_https" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "https out"

  tags = {
    Name = "${local.name}-app-https"
  }
}

resource "aws_vpc_security_group_ingress_rule" "db_from_app" {
  security_group_id            = aws_security_group.db.id
  referenced_security_group_id = aws_security_group.app.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "postgres from app"

  tags = {
    Name = "${local.name}-db-from-app"
  }
}

resource "aws_vpc_security_group_egress_rule" "db_to_app" {
  security_group_id            = aws_security_group.db.id
  referenced_security_group_id = aws_security_group.app.id
  ip_protocol                  = "-1"
  description                  = "replies to app"

  tags = {
    Name = "${local.name}-db-to-app"
  }
}

# The legacy standalone rule resource.
resource "aws_security_group_rule" "db_admin" {
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["10.77.1.0/24"]
  description       = "ssh from the private subnet"
}

output "vpc_id" {
  value = aws_vpc.main.id
}

output "subnet_ids" {
  value = [aws_subnet.private.id, aws_subnet.public.id]
}

output "security_group_ids" {
  value = {
    lb  = aws_security_group.lb.id
    web = aws_security_group.web.id
    app = aws_security_group.app.id
    db  = aws_security_group.db.id
  }
}

output "security_group_rule_ids" {
  value = [
    aws_vpc_security_group_ingress_rule.app_from_web.security_group_rule_id,
    aws_vpc_security_group_egress_rule.app_to_db.security_group_rule_id,
    aws_vpc_security_group_egress_rule.app_https.security_group_rule_id,
    aws_vpc_security_group_ingress_rule.db_from_app.security_group_rule_id,
    aws_vpc_security_group_egress_rule.db_to_app.security_group_rule_id,
  ]
}

output "default_security_group_id" {
  value = aws_vpc.main.default_security_group_id
}

output "default_network_acl_id" {
  value = aws_vpc.main.default_network_acl_id
}

output "main_route_table_id" {
  value = aws_vpc.main.main_route_table_id
}
